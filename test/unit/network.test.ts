// The pieces of network.ts that decide things without sending anything: which proxy a URL gets,
// what a CA bundle must hold, and how each transport failure is explained.
import {expect} from 'chai'
import {readFileSync, writeFileSync} from 'node:fs'
import {Agent as HttpAgent} from 'node:http'
import {Agent as HttpsAgent} from 'node:https'
import {join} from 'node:path'
import nock from 'nock'

import {DuoClient} from '../../src/transport/client.js'
import {hintForApiError} from '../../src/core/error-hints.js'
import {ConfigError, DuoApiError} from '../../src/core/errors.js'
import {checkProxySetting, createTransport, describeTransportFailure, readCaBundle, redactProxy} from '../../src/transport/network.js'
import {type TestPki, makeTestPki} from '../network/fixtures.js'

const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'all_proxy', 'no_proxy']

/** Runs fn with exactly these proxy variables set, restoring the environment afterwards. */
async function withProxyEnv<T>(values: Record<string, string>, fn: () => Promise<T> | T): Promise<T> {
  const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]))
  for (const name of PROXY_VARIABLES) delete process.env[name]
  Object.assign(process.env, values)
  try {
    return await fn()
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

describe('network: proxy choice', () => {
  const duo = 'https://api-1234abcd.duosecurity.com/admin/v1/users'

  it('uses plain keep-alive agents, and no ProxyAgent, when no proxy is configured anywhere', async () => {
    await withProxyEnv({}, async () => {
      const transport = createTransport()
      const https = await transport.agentFor(new URL(duo))
      expect(https).to.be.instanceOf(HttpsAgent)
      expect(await transport.agentFor(new URL('http://127.0.0.1:1/'))).to.be.instanceOf(HttpAgent).and.not.be.instanceOf(HttpsAgent)
      expect((https as HttpsAgent & {keepAlive: boolean}).keepAlive).to.equal(true)
      expect(await transport.proxyFor(duo)).to.equal(undefined)
      transport.close()
    })
  })

  it('follows HTTPS_PROXY / HTTP_PROXY and NO_PROXY (exact, or a .suffix) from the environment, loopback included', async () => {
    await withProxyEnv({HTTP_PROXY: 'http://plain:8080', HTTPS_PROXY: 'http://corp:3128', NO_PROXY: '.internal.example,127.0.0.2'}, async () => {
      const transport = createTransport()
      // By name: mocha may load this file through require(), which gets its own proxy-agent module.
      expect((await transport.agentFor(new URL(duo))).constructor.name).to.equal('ProxyAgent')
      expect(await transport.proxyFor(duo)).to.equal('http://corp:3128')
      expect(await transport.proxyFor('http://127.0.0.1:4000/admin/v1/users')).to.equal('http://plain:8080')
      expect(await transport.proxyFor('http://127.0.0.2:4000/admin/v1/users')).to.equal(undefined)
      expect(await transport.proxyFor('https://api.internal.example/')).to.equal(undefined)
      transport.close()
    })
  })

  it('lets the profile\'s proxy win over the environment, NO_PROXY included, and "direct" turn it off', async () => {
    await withProxyEnv({HTTPS_PROXY: 'http://corp:3128', NO_PROXY: 'api-1234abcd.duosecurity.com'}, async () => {
      const profile = createTransport({proxy: 'http://user:pw@profile-proxy:8080'})
      expect(await profile.proxyFor(duo)).to.equal('http://user:****@profile-proxy:8080/')
      profile.close()
      const direct = createTransport({proxy: 'DIRECT'})
      expect(await direct.agentFor(new URL(duo))).to.be.instanceOf(HttpsAgent)
      expect(await direct.proxyFor(duo)).to.equal(undefined)
      direct.close()
    })
  })

  it('accepts http, https and socks proxies and "direct", and explains anything else', () => {
    expect(checkProxySetting(' http://proxy:3128 ')).to.equal('http://proxy:3128')
    expect(checkProxySetting('socks5://127.0.0.1:1080')).to.equal('socks5://127.0.0.1:1080')
    expect(checkProxySetting('Direct')).to.equal('direct')
    for (const bad of ['proxy.example.com:3128', 'ftp://proxy', 'pac+https://example.com/proxy.pac']) {
      expect(() => checkProxySetting(bad)).to.throw(ConfigError, 'is not a proxy URL duo can use')
    }

    expect(() => checkProxySetting('ftp://user:secret@proxy')).to.throw(ConfigError, 'user:****@proxy')
    expect(redactProxy('http://proxy:3128')).to.equal('http://proxy:3128')
  })
})

describe('network: CA bundles', () => {
  let pki: TestPki
  before(() => {
    pki = makeTestPki()
  })
  after(() => pki.cleanup())

  it('reads every certificate of a PEM bundle, and stores its absolute path', () => {
    const both = join(pki.dir, 'both.pem')
    writeFileSync(both, `# corporate roots\n${readFileSync(pki.caFile, 'utf8')}\n${readFileSync(pki.otherCaFile, 'utf8')}`)
    const bundle = readCaBundle(both)
    expect(bundle.path).to.equal(both)
    expect(bundle.certificates.map((c) => c.subject.split('\n')[0])).to.deep.equal(['CN=Duo CLI Test Inspecting CA', 'CN=Duo CLI Unrelated CA'])
    expect(createTransport({caBundle: both}).caBundle?.pems).to.have.length(2)
  })

  it('refuses a missing file, a file without PEM blocks, and a broken certificate', () => {
    expect(() => readCaBundle(join(pki.dir, 'missing.pem'))).to.throw(ConfigError, 'Cannot read the CA bundle')
    const empty = join(pki.dir, 'empty.pem')
    writeFileSync(empty, 'not a certificate')
    expect(() => readCaBundle(empty)).to.throw(ConfigError, 'holds no PEM certificate')
    const broken = join(pki.dir, 'broken.pem')
    writeFileSync(broken, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')
    expect(() => readCaBundle(broken)).to.throw(ConfigError, 'Certificate 1 in the CA bundle')
  })
})

describe('network: explaining failures', () => {
  const context = {baseUrl: 'https://api-1234abcd.duosecurity.com', timeoutMs: 30_000}
  // What Node's client throws: the system or TLS error's message and code.
  const nodeError = (code: string, reason: string) => Object.assign(new Error(reason), {code})

  it('names an untrusted issuer, a wrong hostname and an expired certificate, none retryable', () => {
    for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'DEPTH_ZERO_SELF_SIGNED_CERT']) {
      const failure = describeTransportFailure(nodeError(code, 'x'), {...context, proxy: 'http://corp:3128'})
      expect(failure.message).to.equal(
        `TLS verification failed for api-1234abcd.duosecurity.com through the proxy http://corp:3128: its certificate is signed by an authority this computer does not trust (${code}).`,
      )
      expect(failure).to.include({retryable: false})
    }

    const altName = describeTransportFailure(nodeError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames: Host: x"), context)
    expect(altName.message).to.contain("the certificate is not for this hostname (ERR_TLS_CERT_ALTNAME_INVALID: Hostname/IP does not match certificate's altnames: Host: x)")
    const expired = describeTransportFailure(nodeError('CERT_HAS_EXPIRED', 'certificate has expired'), context)
    expect(expired.message).to.contain('outside its validity dates (CERT_HAS_EXPIRED)')
    expect(expired.hint).to.contain('clock')
    expect(describeTransportFailure(nodeError('ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number'), context)).to.include({retryable: false})
  })

  it('keeps refused connections and timeouts retryable, naming the proxy when there is one', () => {
    const refused = describeTransportFailure(nodeError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.1:3128'), {...context, proxy: 'http://corp:3128'})
    expect(refused).to.deep.equal({
      hint: 'Check that the proxy http://corp:3128 is reachable, or set NO_PROXY / the profile\'s proxy if Duo should be reached directly.',
      message: 'Could not reach https://api-1234abcd.duosecurity.com through the proxy http://corp:3128 (ECONNREFUSED): connect ECONNREFUSED 10.0.0.1:3128',
      retryable: true,
    })
    const timeout = describeTransportFailure(Object.assign(new Error('aborted'), {name: 'AbortError'}), context)
    expect(timeout).to.include({message: 'No answer from https://api-1234abcd.duosecurity.com within 30 s', retryable: true})
  })
})

describe('error hints: clock and proxy answers', () => {
  it('gives the timestamp codes the skew, or a clock check when the skew is unknown', () => {
    const tenBehind = 10 * 60_000
    for (const code of [40_103, 40_104, 40_105]) {
      expect(hintForApiError({attempts: 1, clockOffsetMs: tenBehind, code, status: 401})).to.match(/^This computer's clock is 10 minutes behind Duo's;/)
    }

    expect(hintForApiError({attempts: 1, clockOffsetMs: -90_000, code: 40_104, status: 401})).to.match(/^This computer's clock is 90 seconds ahead of Duo's;/)
    expect(hintForApiError({attempts: 1, clockOffsetMs: 2000, code: 40_104, status: 401})).to.contain('check that this computer\'s clock')
    expect(hintForApiError({attempts: 1, clockOffsetMs: tenBehind, code: 40_102, status: 401})).to.contain('integration key')
  })

  it('explains a 407 from a proxy and any other answer without Duo\'s envelope', async () => {
    const host = 'api-proxied.duosecurity.com'
    nock(`https://${host}`).get('/admin/v1/users').reply(407, 'Proxy Authentication Required').get('/admin/v1/info/summary').reply(403, '<html>Blocked</html>')
    const client = new DuoClient({credentials: {host, ikey: 'DIABCDEFGHIJKLMNOPQR', skey: 'x'.repeat(40)}})
    const needsAuth = (await client.request('GET', '/admin/v1/users').catch((error: unknown) => error)) as DuoApiError
    expect(needsAuth.message).to.equal('HTTP 407 with a non-JSON body (HTTP 407)')
    expect(needsAuth.hint).to.contain('HTTPS_PROXY=http://user:password@proxy:3128')
    const blocked = (await client.request('GET', '/admin/v1/info/summary').catch((error: unknown) => error)) as DuoApiError
    expect(blocked.hint).to.contain('did not come from Duo\'s API')
    client.close()
  })
})
