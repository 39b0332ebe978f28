import {expect} from 'chai'
import {createHash, createHmac} from 'node:crypto'
import nock from 'nock'

import {DuoClient} from '../../src/transport/client.js'
import {DuoApiError, NetworkError} from '../../src/core/errors.js'
import {recordingServer} from '../helpers/recording-server.js'


// Independent of src/core/signing.ts: the canonical form written out by hand from Duo's documented rules.
function independentEncode(s: string): string {
  return Array.from(Buffer.from(s, 'utf8'))
    .map((b) => {
      const c = String.fromCharCode(b)
      return /[A-Za-z0-9\-_.~]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0')
    })
    .join('')
}

function independentAuthorization(ikey: string, skey: string, digest: string, lines: string[]): string {
  const sig = createHmac(digest, skey).update(lines.join('\n')).digest('hex')
  return 'Basic ' + Buffer.from(`${ikey}:${sig}`).toString('base64')
}

const ikey = 'DIABCDEFGHIJKLMNOPQR'
const skey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCD'
const fixedNow = () => new Date(Date.UTC(2026, 10, 28, 9, 30, 0))
const tricky = {
  'a key': ['z value', 'a value'],
  punct: "!'()*~",
  unicode: 'Zoë 日本',
}
const expectedParamsLine =
  [
    ['a key', 'a value'],
    ['a key', 'z value'],
    ['punct', "!'()*~"],
    ['unicode', 'Zoë 日本'],
  ]
    .map(([k, v]) => `${independentEncode(k)}=${independentEncode(v)}`)
    .join('&')

describe('client: real signed requests to a local HTTP server', () => {
  let srv: Awaited<ReturnType<typeof recordingServer>>
  beforeEach(async () => {
    srv = await recordingServer()
  })
  afterEach(() => srv.server.close())

  it('GET with spaces, !\'()*~, unicode and a repeated key: Authorization matches an independent computation', async () => {
    const client = new DuoClient({credentials: {host: srv.url, ikey, skey}, now: fixedNow})
    await client.request('GET', '/admin/v1/users', tricky)
    client.close()
    const [req] = srv.captured
    expect(expectedParamsLine).to.equal('a%20key=a%20value&a%20key=z%20value&punct=%21%27%28%29%2A~&unicode=Zo%C3%AB%20%E6%97%A5%E6%9C%AC')
    expect(req.url).to.equal('/admin/v1/users?' + expectedParamsLine)
    expect(req.headers.date).to.equal('Sat, 28 Nov 2026 09:30:00 -0000')
    const emptyHash = 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e'
    expect(req.headers.authorization).to.equal(
      independentAuthorization(ikey, skey, 'sha512', [req.headers.date!, 'GET', '127.0.0.1', '/admin/v1/users', expectedParamsLine, emptyHash, emptyHash]),
    )
  })

  it('POST under signature v2 sends a form body and signs the same parameters', async () => {
    const client = new DuoClient({credentials: {digest: 'sha1', host: srv.url, ikey, signatureVersion: 2, skey}, now: fixedNow})
    await client.request('POST', '/admin/v1/users', tricky)
    client.close()
    const [req] = srv.captured
    expect(req.headers['content-type']).to.equal('application/x-www-form-urlencoded')
    expect(req.body).to.equal(expectedParamsLine)
    expect(req.headers.authorization).to.equal(
      independentAuthorization(ikey, skey, 'sha1', [req.headers.date!, 'POST', '127.0.0.1', '/admin/v1/users', expectedParamsLine]),
    )
  })

  it('POST under signature v5 sends sorted JSON and signs its hash with an empty params line', async () => {
    const client = new DuoClient({credentials: {host: srv.url, ikey, skey}, now: fixedNow})
    await client.request('POST', '/admin/v1/users', {username: 'zoë', realname: "O'Neil (x)"})
    client.close()
    const [req] = srv.captured
    expect(req.headers['content-type']).to.equal('application/json')
    expect(req.body).to.equal('{"realname":"O\'Neil (x)","username":"zoë"}')
    const sha512 = (s: string) => createHash('sha512').update(s).digest('hex')
    expect(req.headers.authorization).to.equal(
      independentAuthorization(ikey, skey, 'sha512', [req.headers.date!, 'POST', '127.0.0.1', '/admin/v1/users', '', sha512(req.body), sha512('')]),
    )
  })

  it('signs a fresh date on every attempt', async () => {
    let tick = 0
    const dates = [new Date(Date.UTC(2026, 0, 1, 0, 0, 0)), new Date(Date.UTC(2026, 0, 1, 0, 0, 5))]
    let calls = 0
    srv.server.removeAllListeners('request')
    srv.server.on('request', (req, res) => {
      srv.captured.push({body: '', headers: req.headers, method: req.method!, url: req.url!})
      res.statusCode = calls++ === 0 ? 429 : 200
      res.end(JSON.stringify(res.statusCode === 429 ? {code: 42_901, message: 'Too Many Requests', stat: 'FAIL'} : {response: 'ok', stat: 'OK'}))
    })
    const client = new DuoClient({credentials: {host: srv.url, ikey, skey}, now: () => dates[Math.min(tick++, 1)], sleep: async () => {}})
    await client.request('GET', '/admin/v1/users')
    client.close()
    expect(srv.captured.map((c) => c.headers.date)).to.deep.equal(['Thu, 01 Jan 2026 00:00:00 -0000', 'Thu, 01 Jan 2026 00:00:05 -0000'])
    expect(srv.captured[0].headers.authorization).to.not.equal(srv.captured[1].headers.authorization)
  })
})



describe('client: retries and errors (nock)', () => {
  const host = 'api-test.duosecurity.com'
  const credentials = {host, ikey, skey}
  const tooMany = {code: 42_901, message: 'Too Many Requests', stat: 'FAIL'}

  it('retries a 429 with backoff 1 s (+ jitter) and then succeeds', async () => {
    const waits: number[] = []
    nock(`https://${host}`).get('/admin/v1/users').reply(429, tooMany).get('/admin/v1/users').reply(200, {response: [{username: 'a'}], stat: 'OK'})
    const client = new DuoClient({credentials, random: () => 0.5, sleep: async (ms) => void waits.push(ms)})
    const envelope = await client.request('GET', '/admin/v1/users')
    expect(envelope.response).to.deep.equal([{username: 'a'}])
    expect(waits).to.deep.equal([1500])
  })

  it('gives up after 7 attempts of 429, having waited 1, 2, 4, 8, 16, 32 s plus jitter', async () => {
    const waits: number[] = []
    nock(`https://${host}`).post('/admin/v1/users').times(7).reply(429, tooMany)
    const client = new DuoClient({credentials, random: () => 0.123, sleep: async (ms) => void waits.push(ms)})
    const error = await client.request('POST', '/admin/v1/users', {username: 'x'}).catch((error_) => error_)
    expect(error).to.be.instanceOf(DuoApiError)
    expect(error.code).to.equal(42_901)
    expect(error.exitCode).to.equal(1)
    expect(error.message).to.equal('Too Many Requests (42901)')
    expect(error.hint).to.match(/after 7 attempts/)
    expect(waits).to.deep.equal([1123, 2123, 4123, 8123, 16_123, 32_123])
    expect(nock.isDone()).to.equal(true)
  })

  it('does not retry a 500 on a non-idempotent POST', async () => {
    nock(`https://${host}`).post('/admin/v1/users').once().reply(500, {code: 50_000, message: 'boom', stat: 'FAIL'})
    const client = new DuoClient({credentials, sleep: async () => {}})
    const error = await client.request('POST', '/admin/v1/users', {username: 'x'}).catch((error_) => error_)
    expect(error.status).to.equal(500)
    expect(nock.isDone()).to.equal(true)
  })

  it('retries a 500 on a GET and succeeds', async () => {
    nock(`https://${host}`).get('/admin/v1/users').reply(500, {code: 50_000, message: 'boom', stat: 'FAIL'}).get('/admin/v1/users').reply(200, {response: [], stat: 'OK'})
    const client = new DuoClient({credentials, sleep: async () => {}})
    expect((await client.request('GET', '/admin/v1/users')).response).to.deep.equal([])
  })

  it('turns a FAIL envelope into a DuoApiError with status, code, message and detail', async () => {
    nock(`https://${host}`).get('/admin/v1/users/DUX').reply(404, {code: '40401', message: 'Resource not found', message_detail: 'user', stat: 'FAIL'})
    const error = await new DuoClient({credentials}).request('GET', '/admin/v1/users/DUX').catch((error_) => error_)
    expect(error).to.include({code: 40_401, detail: 'user', duoMessage: 'Resource not found', exitCode: 4, status: 404})
  })

  it('names the missing permission on 403 and the clock skew on 40103', async () => {
    nock(`https://${host}`).post('/admin/v1/users').reply(403, {code: 40_301, message: 'Access forbidden', stat: 'FAIL'})
    const forbidden = await new DuoClient({credentials})
      .request('POST', '/admin/v1/users', {}, {permission: 'Grant resource - Write'})
      .catch((error_) => error_)
    expect(forbidden.hint).to.contain('Grant resource - Write')

    const skewed = new Date(Date.now() + 10 * 60_000).toUTCString()
    nock(`https://${host}`).get('/admin/v1/users').reply(401, {code: 40_103, message: 'Invalid signature in request credentials', stat: 'FAIL'}, {Date: skewed})
    const badSig = await new DuoClient({credentials}).request('GET', '/admin/v1/users').catch((error_) => error_)
    expect(badSig.exitCode).to.equal(3)
    expect(badSig.hint).to.match(/10 minutes behind/)
  })

  it('reports a refused connection as a NetworkError', async () => {
    const client = new DuoClient({credentials: {host: 'http://127.0.0.1:9', ikey, skey}, sleep: async () => {}})
    const error = await client.request('POST', '/admin/v1/users').catch((error_) => error_)
    expect(error).to.be.instanceOf(NetworkError)
    expect(error.message).to.match(/ECONNREFUSED/)
  })

  it('follows next_offset page by page', async () => {
    nock(`https://${host}`)
      .get('/admin/v1/users').query({limit: '2', offset: '0'}).reply(200, {metadata: {next_offset: 2}, response: [1, 2], stat: 'OK'})
      .get('/admin/v1/users').query({limit: '2', offset: '2'}).reply(200, {metadata: {}, response: [3], stat: 'OK'})
    const items: unknown[] = []
    for await (const item of new DuoClient({credentials}).items('/admin/v1/users', {limit: '2'})) items.push(item)
    expect(items).to.deep.equal([1, 2, 3])
  })
})
