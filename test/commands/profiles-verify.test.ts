// `duo profiles add` checks the keys with one read before saving (unless --no-verify); `profiles set`
// changes settings without the secret; a saved sandbox profile whose sandbox is gone fails at once.
import {expect} from 'chai'
import {readFileSync} from 'node:fs'
import {createServer} from 'node:net'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'

import {runCli, tempConfigDir} from '../helpers/cli.js'
import {sandboxSession} from '../helpers/sandbox-session.js'

const config = (dir: string) => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {profiles: Record<string, Record<string, unknown>>}

describe('duo profiles add (verify) and set (built CLI, sandbox)', function () {
  this.timeout(60_000)
  const session = sandboxSession()

  it('saves keys Duo accepts, after one read call', async () => {
    const configDir = tempConfigDir()
    const {ikey, skey, url} = session.sandbox
    const before = session.sandbox.requestCount()
    const result = await runCli(['profiles', 'add', 'lab', '--ikey', ikey, '--host', url, '--skey-stdin'], {configDir, input: skey})
    expect(result.code, result.stderr).to.equal(0)
    expect(session.sandbox.requestCount() - before).to.equal(1)
    expect(config(configDir).profiles.lab).to.include({host: url, ikey, skey})
  })

  it('refuses keys Duo refuses, saves nothing, and gives the doctor\'s hint', async () => {
    const configDir = tempConfigDir()
    const {ikey, url} = session.sandbox
    const result = await runCli(['profiles', 'add', 'lab', '--ikey', ikey, '--host', url, '--skey-stdin'], {configDir, input: 'x'.repeat(40)})
    expect(result.code).to.equal(3)
    expect(result.stderr).to.contain('Error: The profile was not saved: Duo refused the test call: Invalid signature in request credentials (40103).')
    expect(result.stderr).to.match(/Hint: Check the secret key.*--no-verify/)
    expect(() => config(configDir)).to.throw()
  })

  it('--no-verify saves without calling Duo', async () => {
    const configDir = tempConfigDir()
    const before = session.sandbox.requestCount()
    const result = await runCli(['profiles', 'add', 'lab', '--ikey', session.sandbox.ikey, '--host', session.sandbox.url, '--skey-stdin', '--no-verify'], {configDir, input: 'x'.repeat(40)})
    expect(result.code, result.stderr).to.equal(0)
    expect(session.sandbox.requestCount()).to.equal(before)
  })

  it('profiles set changes the proxy and signature version and keeps the keys; nothing to change is exit 2', async () => {
    const configDir = tempConfigDir()
    const {ikey, skey, url} = session.sandbox
    expect((await runCli(['profiles', 'add', 'lab', '--ikey', ikey, '--host', url, '--skey-stdin'], {configDir, input: skey})).code).to.equal(0)
    const set = await runCli(['profiles', 'set', 'lab', '--proxy', 'direct', '--signature-version', '2', '--json'], {configDir})
    expect(set.code, set.stderr).to.equal(0)
    expect(JSON.parse(set.stdout)).to.include({proxy: 'direct', signatureVersion: 2})
    expect(config(configDir).profiles.lab).to.include({host: url, ikey, proxy: 'direct', signatureVersion: 2, skey})
    const used = await runCli(['users', 'get', 'alice', '--profile', 'lab', '--json'], {configDir})
    expect(used.code, used.stderr).to.equal(0)
    expect((await runCli(['profiles', 'set', 'lab'], {configDir})).code).to.equal(2)
    expect((await runCli(['profiles', 'set', 'nope', '--proxy', 'direct'], {configDir})).code).to.equal(3)
    expect((await runCli(['profiles', 'set', 'lab', '--host', 'http://api.example.com'], {configDir})).code).to.not.equal(0)
  })

  it('a saved sandbox profile whose sandbox is not running fails at once, saying so', async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer()
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const {port} = probe.address() as AddressInfo
    await new Promise((resolve) => probe.close(resolve))
    const configDir = tempConfigDir()
    const host = `http://127.0.0.1:${port}`
    expect((await runCli(['profiles', 'add', 'gone', '--ikey', session.sandbox.ikey, '--host', host, '--skey-stdin', '--no-verify'], {configDir, input: 'x'.repeat(40)})).code).to.equal(0)
    const result = await runCli(['users', 'get', 'alice', '--profile', 'gone'], {configDir})
    expect(result.code).to.equal(1)
    expect(result.stderr).to.contain(`Error: The sandbox at ${host} is not running`)
    expect(result.stderr).to.contain('duo sandbox start')
    expect(result.stderr).to.not.contain('proxy')
    // No retries: one refused connection, not three with backoff.
    expect(result.stderr).to.not.contain('next attempt')
  })
})
