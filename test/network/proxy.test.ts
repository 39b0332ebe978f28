// Proxies, end to end: the built CLI, a real forwarding proxy and the sandbox, all on 127.0.0.1.
// proxy-from-env (what proxy-agent reads the environment with) does not exempt loopback, like curl:
// HTTP_PROXY applies to http://127.0.0.1 unless NO_PROXY lists it, which is what lets these tests
// use the sandbox as the far end.
import {expect} from 'chai'

import {ProfileStore} from '../../src/core/profiles.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {runCli, tempConfigDir} from '../helpers/cli.js'
import {type CountingProxy, deadUrl, startCountingProxy} from './fixtures.js'

describe('proxies (built CLI, sandbox, local proxy)', () => {
  let sandbox: RunningSandbox
  let proxy: CountingProxy
  let dead: string
  before(async () => {
    ;[sandbox, proxy, dead] = await Promise.all([startSandbox(), startCountingProxy(), deadUrl()])
  })
  after(async () => Promise.all([sandbox.close(), proxy.close()]))

  const keys = () => ({DUO_HOST: sandbox.url, DUO_IKEY: sandbox.ikey, DUO_SKEY: sandbox.skey})
  const usernames = (stdout: string) => (JSON.parse(stdout) as Array<{username: string}>).map((u) => u.username)

  it('sends every request through HTTP_PROXY', async () => {
    const before = proxy.requests
    const result = await runCli(['users', 'list', '--all', '--limit', '3', '--json'], {env: {...keys(), HTTP_PROXY: proxy.url}})
    expect(result.code, result.stderr).to.equal(0)
    // NDJSON with --all: one user per line, the 9 demo users in pages of 3.
    expect(result.stdout.trim().split('\n')).to.have.length(9)
    expect(proxy.requests - before).to.equal(3)
  })

  it('goes direct when NO_PROXY lists the host, and reads lower-case names too', async () => {
    const before = proxy.requests
    const [upper, lower] = await Promise.all([
      runCli(['users', 'list', '--json'], {env: {...keys(), HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1'}}),
      runCli(['users', 'list', '--json'], {env: {...keys(), http_proxy: proxy.url, no_proxy: 'localhost,127.0.0.1'}}),
    ])
    expect(upper.code, upper.stderr).to.equal(0)
    expect(lower.code, lower.stderr).to.equal(0)
    expect(usernames(upper.stdout)).to.include('alice')
    expect(proxy.requests).to.equal(before)
  })

  it('prefers the profile\'s proxy to the environment, and "direct" ignores the environment', async () => {
    const configDir = tempConfigDir()
    const store = new ProfileStore(configDir)
    const profile = {host: sandbox.url, ikey: sandbox.ikey, skey: sandbox.skey}
    store.save('via-proxy', {...profile, proxy: proxy.url})
    store.save('direct', {...profile, proxy: 'direct'})
    const before = proxy.requests
    const env = {HTTP_PROXY: dead}
    const [viaProxy, direct] = await Promise.all([
      runCli(['users', 'list', '--json', '--profile', 'via-proxy'], {configDir, env}),
      runCli(['users', 'list', '--json', '--profile', 'direct'], {configDir, env}),
    ])
    expect(viaProxy.code, viaProxy.stderr).to.equal(0)
    expect(direct.code, direct.stderr).to.equal(0)
    expect(proxy.requests - before).to.equal(1)
  })

  it('names the proxy when it cannot be reached (no retry for a write)', async () => {
    const result = await runCli(['api', 'POST', '/admin/v1/users', '-p', 'username=nobody'], {env: {...keys(), HTTP_PROXY: dead}})
    expect(result.code).to.equal(1)
    expect(result.stderr).to.contain(`Could not reach ${sandbox.url} through the proxy ${dead}`)
    expect(result.stderr).to.contain('ECONNREFUSED')
    expect(result.stderr).to.match(/Hint: Check that the proxy .* is reachable/)
  })

  it('saves a proxy with `profiles add --proxy`, hides its password, and refuses a bad one', async () => {
    const configDir = tempConfigDir()
    const add = (proxyValue: string) =>
      runCli(['profiles', 'add', 'corp', '--force', '--ikey', sandbox.ikey, '--host', sandbox.url, '--skey-stdin', '--proxy', proxyValue, '--json', '--no-verify'], {configDir, input: sandbox.skey})
    const saved = await add('http://user:s3cret@proxy.example.com:3128')
    expect(saved.code, saved.stderr).to.equal(0)
    expect(JSON.parse(saved.stdout).proxy).to.equal('http://user:****@proxy.example.com:3128/')
    expect(saved.stdout + saved.stderr).to.not.contain('s3cret')
    expect(new ProfileStore(configDir).get('corp').proxy).to.equal('http://user:s3cret@proxy.example.com:3128')

    const refused = await add('ftp://proxy.example.com')
    expect(refused.code).to.equal(3)
    expect(refused.stderr).to.contain('is not a proxy URL duo can use')
  })
})
