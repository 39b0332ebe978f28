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

  it('does load them where they are used: the colour code of the table for `users list` on people', async () => {
    const loaded = await loadedBy(['users', 'list'])
    expect(loaded.some((url) => url.includes('/node_modules/chalk/'))).to.equal(true)
  })
})
