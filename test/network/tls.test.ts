// Trust, end to end: an https front signed by a CA made for the test (standing in for a
// TLS-inspecting firewall) relays to the sandbox; the built CLI must refuse it until told to trust
// that CA, and must never offer a way around verification.
import {expect} from 'chai'
import {writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'

import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {runCli, tempConfigDir} from '../helpers/cli.js'
import {type CountingProxy, type TestPki, type TlsFront, makeTestPki, startCountingProxy, startTlsFront} from './fixtures.js'

describe('custom CAs and TLS errors (built CLI, https front, sandbox)', () => {
  let pki: TestPki
  let sandbox: RunningSandbox
  let front: TlsFront
  let wrongHost: TlsFront
  let proxy: CountingProxy
  before(async () => {
    pki = makeTestPki()
    sandbox = await startSandbox()
    ;[front, wrongHost, proxy] = await Promise.all([startTlsFront(sandbox.url, pki.server), startTlsFront(sandbox.url, pki.wrongHost), startCountingProxy()])
  })
  after(async () => {
    await Promise.all([front.close(), wrongHost.close(), proxy.close(), sandbox.close()])
    pki.cleanup()
  })

  const keys = (host: string) => ({DUO_HOST: host, DUO_IKEY: sandbox.ikey, DUO_SKEY: sandbox.skey})
  const listUsers = (host: string, extraArgs: string[] = [], env: Record<string, string> = {}) =>
    runCli(['users', 'list', '--json', ...extraArgs], {env: {...keys(host), ...env}})

  it('refuses a certificate from an unknown CA with one clear error, exit 1, and no retries', async () => {
    const before = front.connections
    const result = await listUsers(front.url)
    expect(result.code).to.equal(1)
    const {error} = JSON.parse(result.stderr) as {error: {hint: string; message: string}}
    expect(error.message).to.equal(
      `TLS verification failed for ${new URL(front.url).host}: its certificate is signed by an authority this computer does not trust (UNABLE_TO_VERIFY_LEAF_SIGNATURE).`,
    )
    expect(error.hint).to.contain('--ca-bundle FILE').and.contain('NODE_EXTRA_CA_CERTS')
    expect(front.connections - before).to.equal(1)
  })

  it('trusts the CA given with --ca-bundle, DUO_CA_BUNDLE or NODE_EXTRA_CA_CERTS', async () => {
    const results = await Promise.all([
      listUsers(front.url, ['--ca-bundle', pki.caFile]),
      listUsers(front.url, [], {DUO_CA_BUNDLE: pki.caFile}),
      listUsers(front.url, [], {NODE_EXTRA_CA_CERTS: pki.caFile}),
      // The bundle replaces nothing: NODE_EXTRA_CA_CERTS still counts next to an unrelated bundle.
      listUsers(front.url, ['--ca-bundle', pki.otherCaFile], {NODE_EXTRA_CA_CERTS: pki.caFile}),
    ])
    for (const result of results) {
      expect(result.code, result.stderr).to.equal(0)
      expect(JSON.parse(result.stdout).map((u: {username: string}) => u.username)).to.include('alice')
    }
  })

  it('names the bundle when it does not sign the certificate either', async () => {
    const result = await listUsers(front.url, ['--ca-bundle', pki.otherCaFile])
    expect(result.code).to.equal(1)
    expect(result.stderr).to.contain(`(the CA bundle ${pki.otherCaFile} does not sign it either)`)
  })

  it('tells a certificate for another hostname apart from an unknown CA', async () => {
    const result = await listUsers(wrongHost.url, ['--ca-bundle', pki.caFile])
    expect(result.code).to.equal(1)
    const {error} = JSON.parse(result.stderr) as {error: {hint: string; message: string}}
    expect(error.message).to.match(/^TLS verification failed for 127\.0\.0\.1:\d+: the certificate is not for this hostname \(ERR_TLS_CERT_ALTNAME_INVALID: /)
    expect(error.hint).to.contain('Check the API host')
  })

  it('tunnels https through HTTPS_PROXY with CONNECT, keeping one tunnel alive across pages', async () => {
    const before = {connections: proxy.connections, tunnels: proxy.tunnels}
    const result = await runCli(['users', 'list', '--all', '--limit', '3', '--json', '--ca-bundle', pki.caFile], {env: {...keys(front.url), HTTPS_PROXY: proxy.url}})
    expect(result.code, result.stderr).to.equal(0)
    expect(result.stdout.trim().split('\n')).to.have.length(9)
    expect(proxy.tunnels - before.tunnels).to.equal(1)
    expect(proxy.connections - before.connections).to.equal(1)
  })

  it('stores a CA bundle in a profile with `profiles add --ca-bundle`, as an absolute path', async () => {
    const configDir = tempConfigDir()
    const added = await runCli(
      // Relative to the working directory the CLI inherits from this process.
      ['profiles', 'add', 'corp', '--ikey', sandbox.ikey, '--host', front.url, '--skey-stdin', '--ca-bundle', relative(process.cwd(), pki.caFile), '--json'],
      {configDir, input: sandbox.skey},
    )
    expect(added.code, added.stderr).to.equal(0)
    expect(JSON.parse(added.stdout).caBundle).to.equal(pki.caFile)
    const listed = await runCli(['users', 'list', '--json', '--profile', 'corp'], {configDir})
    expect(listed.code, listed.stderr).to.equal(0)
  })

  it('refuses a bundle that is not PEM (exit 3) before sending anything', async () => {
    const notPem = join(pki.dir, 'not-a-cert.txt')
    writeFileSync(notPem, 'hello\n')
    const before = front.connections
    const result = await listUsers(front.url, ['--ca-bundle', notPem])
    expect(result.code).to.equal(3)
    expect(result.stderr).to.contain('holds no PEM certificate')
    expect(front.connections).to.equal(before)
  })
})
