// Issue #7: a command loads only what it uses. `duo users get USER --json`, the helpdesk's most
// frequent call, must not load the MCP SDK, the HTTP server code, inquirer, or the table, CSV and
// colour code: each is tens of milliseconds of start-up that this command never needs.
import {expect} from 'chai'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {runCli, tempConfigDir} from '../helpers/cli.js'

const RECORDER = fileURLToPath(new URL('../helpers/record-loads.mjs', import.meta.url))

describe('start-up: what `duo users get USER --json` loads', function () {
  this.timeout(60_000)
  let sandbox: RunningSandbox
  before(async () => {
    sandbox = await startSandbox()
  })
  after(() => sandbox.close())

  async function loadedBy(args: string[]): Promise<string[]> {
    const configDir = tempConfigDir()
    const loads = join(configDir, 'loads.txt')
    const env = {DUO_HOST: sandbox.host, DUO_IKEY: sandbox.ikey, DUO_SKEY: sandbox.skey, DUO_TEST_LOADS: loads, NODE_OPTIONS: `--import "${RECORDER}"`}
    const result = await runCli(args, {configDir, env})
    expect(result.code, result.stderr).to.equal(0)
    return readFileSync(loads, 'utf8').trim().split('\n')
  }

  it('loads no MCP SDK, inquirer, CSV, colour or proxy code, and none of our servers', async () => {
    const loaded = await loadedBy(['users', 'get', 'alice', '--json'])
    expect(loaded.some((url) => url.includes('/dist/bundle/commands/users/get.js')), 'the recorder saw the command load').to.equal(true)
    const packages = loaded.filter((url) => url.includes('/node_modules/'))
    for (const unwanted of ['@modelcontextprotocol', '@inquirer', 'csv-stringify', 'csv-parse', 'chalk', 'proxy-agent', 'zod']) {
      expect(packages.filter((url) => url.includes(`/node_modules/${unwanted}/`)), unwanted).to.deep.equal([])
    }

    // Our own server code (the sandbox, serve rest, serve mcp) is the only code of ours that listens.
    const ours = loaded.filter((url) => url.includes('/dist/'))
    for (const url of ours) expect(readFileSync(fileURLToPath(url), 'utf8'), url).to.not.contain('createServer(')
  })

  it('loads none of the oclif dependencies and Node modules that only help, spinners or stdin need', async () => {
    const loaded = await loadedBy(['users', 'get', 'alice', '--json'])
    // Bundled, oclif would parse and run these on every command (scripts/bundle.js makes them lazy).
    for (const unwanted of ['ejs', 'tinyglobby', 'fdir', 'picomatch', 'cli-spinners', 'semver', 'minimatch', 'debug']) {
      expect(loaded.filter((url) => url.includes(`/node_modules/${unwanted}/`)), unwanted).to.deep.equal([])
    }

    const builtins = new Set(loaded.filter((url) => url.startsWith('node:')))
    expect(builtins.has('node:http'), 'the recorder saw Node modules').to.equal(true)
    // Imported as ES modules, node:crypto would also build crypto.webcrypto, and oclif's top-level
    // requires would load readline, perf_hooks and (asking whether this is WSL) child_process, none
    // of which a command uses.
    for (const unwanted of ['node:internal/crypto/webcrypto', 'node:readline', 'node:perf_hooks', 'node:child_process']) expect(builtins.has(unwanted), unwanted).to.equal(false)
  })

  it('still loads them where they are used: help renders its examples through ejs', async () => {
    const help = await loadedBy(['users', 'get', '--help'])
    expect(help.some((url) => url.includes('/node_modules/ejs/'))).to.equal(true)
  })

  it('does load them where they are used: the colour code of the table for `users list` on people', async () => {
    const loaded = await loadedBy(['users', 'list'])
    expect(loaded.some((url) => url.includes('/node_modules/chalk/'))).to.equal(true)
  })
})
