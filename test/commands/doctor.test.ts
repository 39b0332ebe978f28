// `duo doctor` against real trouble on 127.0.0.1: sandboxes with a skewed clock or missing
// permissions, an https front signed by a test CA, a local proxy, and broken configurations.
import {expect} from 'chai'
import {chmodSync} from 'node:fs'

import type {DoctorReport} from '../../src/tasks/doctor.js'
import {ProfileStore} from '../../src/core/profiles.js'
import {type RunningSandbox, type SandboxOptions, startSandbox} from '../../src/sandbox/server.js'
import {type CliResult, runCli, tempConfigDir} from '../helpers/cli.js'
import {type CountingProxy, type TestPki, type TlsFront, deadUrl, makeTestPki, startCountingProxy, startTlsFront} from '../network/fixtures.js'

const ORDER = ['profile', 'host', 'dns', 'tcp', 'tls', 'clock', 'credentials', 'permission-read', 'permission-write']

/** Parses `duo doctor --json` and indexes the checks by name. */
function parse(result: CliResult) {
  const report = JSON.parse(result.stdout) as DoctorReport
  expect(report.checks.map((c) => c.name)).to.deep.equal(ORDER)
  return {byName: Object.fromEntries(report.checks.map((c) => [c.name, c])), report}
}

describe('duo doctor (built CLI)', () => {
  let pki: TestPki
  let healthy: RunningSandbox
  let front: TlsFront
  let proxy: CountingProxy
  const extra: RunningSandbox[] = []
  before(async () => {
    pki = makeTestPki()
    ;[healthy, proxy] = await Promise.all([startSandbox(), startCountingProxy()])
    front = await startTlsFront(healthy.url, pki.server)
  })
  after(async () => {
    await Promise.all([front.close(), proxy.close(), healthy.close(), ...extra.map((s) => s.close())])
    pki.cleanup()
  })

  const sandboxWith = async (options: SandboxOptions) => {
    const sandbox = await startSandbox(options)
    extra.push(sandbox)
    return sandbox
  }

  const keys = (sandbox: RunningSandbox, host = sandbox.url) => ({DUO_HOST: host, DUO_IKEY: sandbox.ikey, DUO_SKEY: sandbox.skey})
  const doctor = (env: Record<string, string>, args: string[] = ['--json'], configDir?: string) => runCli(['doctor', ...args], {configDir, env})

  it('passes everything against a healthy sandbox, skipping what loopback http does not need', async () => {
    const [fromEnv, embedded] = await Promise.all([doctor(keys(healthy)), doctor({}, ['--sandbox', '--json'])])
    for (const result of [fromEnv, embedded]) {
      expect(result.code, result.stderr).to.equal(0)
      const {byName, report} = parse(result)
      expect(report.ok).to.equal(true)
      expect(report.checks.filter((c) => c.skipped).map((c) => c.name)).to.deep.equal(['dns', 'tls', 'permission-write'])
      expect(byName['permission-read'].detail).to.equal('granted: listing users works')
      expect(byName['permission-write'].detail).to.match(/^not probed \(it would need a write\): see the Duo Admin Panel/)
    }

    expect(parse(fromEnv).byName.profile.detail).to.match(/^from the environment/)
    expect(parse(embedded).byName.profile.detail).to.match(/^from the embedded sandbox/)
  })

  it('stops at the profile when there are no credentials, and blames the host when that is the problem', async () => {
    const [none, badHost] = await Promise.all([doctor({}), doctor({...keys(healthy), DUO_HOST: 'http://example.com'})])
    expect(none.code).to.equal(1)
    const missing = parse(none)
    expect(missing.byName.profile).to.include({ok: false, skipped: false})
    expect(missing.byName.profile.fix).to.contain('duo profiles add')
    expect(missing.report.checks.slice(1).every((c) => c.skipped && !c.ok && c.detail === 'skipped: no usable profile')).to.equal(true)

    expect(badHost.code).to.equal(1)
    const {byName} = parse(badHost)
    expect(byName.profile.ok).to.equal(true)
    expect(byName.host).to.include({ok: false})
    expect(byName.host.detail).to.match(/^Plain http is refused for example\.com/)
    expect(byName.dns.detail).to.equal('skipped: no usable API host')
  })

  it('flags a profiles file others can read, and still runs the other checks', async () => {
    const configDir = tempConfigDir()
    const store = new ProfileStore(configDir)
    store.save('default', {host: healthy.url, ikey: healthy.ikey, skey: healthy.skey})
    chmodSync(store.path, 0o644)
    const result = await doctor({}, ['--json'], configDir)
    expect(result.code).to.equal(1)
    const {byName} = parse(result)
    expect(byName.profile.detail).to.contain('has mode 0644: other users can read the secret keys')
    expect(byName.profile.fix).to.equal(`chmod 600 '${store.path}'`)
    expect(byName.credentials.ok).to.equal(true)
  })

  it('reports a clock 10 minutes off, and the refused credentials that follow from it', async () => {
    const skewed = await sandboxWith({clockOffsetMs: 10 * 60 * 1000})
    const result = await doctor(keys(skewed), [])
    expect(result.code).to.equal(1)
    expect(result.stdout).to.match(/^✗ Clock {2,}This computer's clock is 10 minutes behind Duo's; Duo refuses requests about 5 minutes off$/m)
    expect(result.stdout).to.match(/^ +fix: Turn on automatic time sync \(NTP\)/m)
    expect(result.stdout).to.match(/^✗ Credentials {2,}Request timestamp is out of the allowed window/m)
    expect(result.stdout).to.match(/^- Grant resource - Read {2,}skipped: the credentials were not accepted$/m)
    expect(result.stdout).to.match(/^2 checks failed\.$/m)
  })

  it('tells which permissions the integration has, probing only reads', async () => {
    const [noRead, noWrite] = await Promise.all([sandboxWith({permissions: {read: false, write: true}}), sandboxWith({permissions: {read: true, write: false}})])
    const usersBefore = noWrite.requestCount()
    const [withoutRead, withoutWrite] = await Promise.all([doctor(keys(noRead)), doctor(keys(noWrite))])
    expect(withoutRead.code).to.equal(1)
    const refused = parse(withoutRead).byName
    expect(refused.credentials.ok).to.equal(true)
    expect(refused['permission-read']).to.include({detail: 'missing: listing users was refused', ok: false})
    expect(refused['permission-read'].fix).to.contain('"Grant resource - Read"')

    expect(withoutWrite.code, withoutWrite.stdout).to.equal(0)
    expect(parse(withoutWrite).byName['permission-write']).to.include({ok: true, skipped: true})
    // The probe and one signed read: nothing that could write.
    expect(noWrite.requestCount() - usersBefore).to.equal(2)
  })

  it('shows who issued the TLS certificate once the CA is trusted, and how to fix it before', async () => {
    const env = keys(healthy, front.url)
    const [untrusted, trusted] = await Promise.all([doctor(env), doctor(env, ['--json', '--ca-bundle', pki.caFile])])
    expect(untrusted.code).to.equal(1)
    const failed = parse(untrusted).byName
    expect(failed.tls.detail).to.match(/^TLS verification failed for 127\.0\.0\.1:\d+: its certificate is signed by an authority this computer does not trust/)
    expect(failed.tls.fix).to.contain('--ca-bundle FILE').and.contain('openssl s_client -connect 127.0.0.1:')
    expect(failed.clock.detail).to.equal('skipped: TLS failed')

    expect(trusted.code, trusted.stdout).to.equal(0)
    const {tls} = parse(trusted).byName
    expect(tls.detail).to.match(/^verified \(TLSv1\.3\): CN=server, issued by CN=Duo CLI Test Inspecting CA, O=Duo CLI Tests; trusting .*ca\.pem too/)
  })

  it('checks the proxy instead of the host when one applies, and skips what a dead proxy blocks', async () => {
    const dead = await deadUrl()
    const before = proxy.requests
    const [viaProxy, bypassed, broken] = await Promise.all([
      doctor({...keys(healthy), HTTP_PROXY: proxy.url}),
      doctor({...keys(healthy), HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1'}),
      doctor({...keys(healthy), HTTP_PROXY: dead}),
    ])
    expect(viaProxy.code, viaProxy.stdout).to.equal(0)
    expect(parse(viaProxy).byName.tcp.detail).to.match(new RegExp(`^connected to 127\\.0\\.0\\.1:\\d+ \\(the proxy ${proxy.url}\\)`))
    expect(bypassed.code, bypassed.stdout).to.equal(0)
    expect(parse(bypassed).byName.tcp.detail).to.not.contain('proxy')
    // The unauthenticated probe and the signed read, from the first run only.
    expect(proxy.requests - before).to.equal(2)

    expect(broken.code).to.equal(1)
    const {byName} = parse(broken)
    expect(byName.tcp.detail).to.match(/ECONNREFUSED$/)
    expect(byName.tcp.fix).to.contain('Check the proxy URL')
    expect(byName.credentials.detail).to.equal('skipped: no TCP connection')
  })

  it('reports a host name that does not resolve', async () => {
    const result = await doctor({...keys(healthy), DUO_HOST: 'api-nothere.invalid'})
    expect(result.code).to.equal(1)
    const {byName} = parse(result)
    expect(byName.dns.detail).to.match(/^api-nothere\.invalid does not resolve \((ENOTFOUND|EAI_AGAIN)\)$/)
    expect(byName.tcp.detail).to.equal('skipped: DNS failed')
  })
})
