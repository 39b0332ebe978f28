import {expect} from 'chai'
import {createHash, createHmac} from 'node:crypto'

import {type CanonicalRequest, formatDuoDate, signRequest} from '../../src/core/signing.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {type RawRequest, clientFor, expectDuoError, rawRequest} from './helpers.js'

const IKEY = 'DIABCDEFGHIJKLMNOPQR'
const SKEY = 'testtesttesttesttesttesttesttesttesttest'
const EMPTY_SHA512 =
  'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e'

describe('sandbox: authentication', () => {
  let sandbox: RunningSandbox

  before(async () => {
    sandbox = await startSandbox({ikey: IKEY, skey: SKEY})
  })
  after(() => sandbox.close())

  const basic = (ikey: string, hex: string) => 'Basic ' + Buffer.from(`${ikey}:${hex}`).toString('base64')

  describe('accepts every signature Duo accepts', () => {
    for (const variant of [
      {digest: 'sha1', signatureVersion: 2},
      {digest: 'sha512', signatureVersion: 2},
      {signatureVersion: 5},
    ] as const) {
      it(`v${variant.signatureVersion} ${'digest' in variant ? variant.digest : 'sha512'}: a GET with parameters and a POST with a body`, async () => {
        const client = clientFor(sandbox, variant)
        try {
          const list = await client.request<Array<{username: string}>>('GET', '/admin/v1/users', {username: 'alice'})
          expect(list.response.map((u) => u.username)).to.deep.equal(['alice'])
          const name = `sig-${variant.signatureVersion}-${'digest' in variant ? variant.digest : 'json'} with space+plus`
          const created = await client.request<{username: string}>('POST', '/admin/v1/users', {realname: 'Ünïcode (!*)', username: name})
          expect(created.response.username).to.equal(name)
        } finally {
          client.close()
        }
      })
    }

    it('v5 in the duo_hmac style: X-Duo-Date instead of Date, included in the X-Duo header hash', async () => {
      const date = formatDuoDate(new Date())
      const canonical = ['', 'GET', '127.0.0.1', '/admin/v1/users', 'username=bob', EMPTY_SHA512, sha512(`x-duo-date\0${date}`)]
      canonical[0] = date
      const response = await rawRequest(sandbox, {
        headers: {Authorization: basic(IKEY, hmac('sha512', canonical.join('\n'))), 'X-Duo-Date': date},
        method: 'GET',
        target: '/admin/v1/users?username=bob',
      })
      expect(response.status).to.equal(200)
      expect(response.body.response[0].username).to.equal('bob')
    })

    it('accepts the host signed with its port too, and a Python-style "+" for a space in the query', async () => {
      const date = formatDuoDate(new Date())
      const request: CanonicalRequest = {date, host: `127.0.0.1:${sandbox.port}`, method: 'GET', params: {username: 'no such user'}, path: '/admin/v1/users'}
      const response = await rawRequest(sandbox, {
        headers: {Authorization: signRequest({digest: 'sha512', ikey: IKEY, skey: SKEY, version: 2}, request), Date: date},
        method: 'GET',
        target: '/admin/v1/users?username=no+such+user',
      })
      expect(response.status).to.equal(200)
      expect(response.body.metadata.total_objects).to.equal(0)
    })
  })

  describe('independent signing (no src/core/signing.ts)', () => {
    it('a v2 HMAC-SHA1 GET built from string literals and node:crypto', async () => {
      const date = new Date().toUTCString() // the Node client's own date form ("… GMT")
      const canonical = [date, 'GET', '127.0.0.1', '/admin/v1/users', 'limit=2&offset=1'].join('\n')
      const response = await rawRequest(sandbox, {
        headers: {Authorization: basic(IKEY, hmac('sha1', canonical)), Date: date, Host: `127.0.0.1:${sandbox.port}`},
        method: 'GET',
        target: '/admin/v1/users?offset=1&limit=2',
      })
      expect(response.status).to.equal(200)
      expect(response.body.response.map((u: {username: string}) => u.username)).to.deep.equal(['bob', 'carol'])
      expect(response.body.metadata).to.deep.equal({next_offset: 3, prev_offset: 0, total_objects: response.body.metadata.total_objects})
    })

    it('the TV-2 shape (v2 SHA-512, realname=First Last, username=root): the vector, then the sandbox with a current date', async () => {
      const tv2 = (date: string, host: string, path: string) =>
        [date, 'POST', host, path, 'realname=First%20Last&username=root'].join('\n')
      const tv2Hex = createHmac('sha512', 'test_skey').update(tv2('Tue, 21 Aug 2012 17:29:18 -0000', 'test.duosecurity.com', '/test/v1')).digest('hex')
      expect(tv2Hex).to.equal(
        '042a30c682bd836fc5ba467891a956eaa10091ca0f73a7fb396aefd56a3529e56932dea427a67213af664ba6841689ff2336b7a373766ea5ab7ab9fe2638226b',
      )

      const tvSandbox = await startSandbox({ikey: 'test_ikey', skey: 'test_skey'})
      try {
        const date = formatDuoDate(new Date())
        const hex = createHmac('sha512', 'test_skey').update(tv2(date, '127.0.0.1', '/admin/v1/users')).digest('hex')
        const response = await rawRequest(tvSandbox, {
          body: 'username=root&realname=First+Last',
          headers: {Authorization: basic('test_ikey', hex), 'Content-Type': 'application/x-www-form-urlencoded', Date: date},
          method: 'POST',
          target: '/admin/v1/users',
        })
        expect(response.status).to.equal(200)
        expect(response.body.response).to.include({realname: 'First Last', status: 'active', username: 'root'})
      } finally {
        await tvSandbox.close()
      }
    })
  })

  describe('refuses a one-character change to any signed part (40103)', () => {
    // Dated when the tests run, not when the file loads: a long suite must not age them out.
    let date = ''
    beforeEach(() => {
      date = formatDuoDate(new Date())
    })
    const keys = {digest: 'sha512' as const, ikey: IKEY, skey: SKEY}
    const getUsers = (): CanonicalRequest => ({date, host: '127.0.0.1', method: 'GET', params: {username: 'alice'}, path: '/admin/v1/users'})
    const sendGet = (signed: CanonicalRequest) =>
      rawRequest(sandbox, {headers: {Authorization: signRequest({...keys, version: 2}, signed), Date: date}, method: 'GET', target: '/admin/v1/users?username=alice'})

    it('control: the untouched request is accepted', async () => {
      expect((await sendGet(getUsers())).status).to.equal(200)
    })

    const changes: Array<[string, () => Partial<CanonicalRequest>]> = [
      ['date', () => ({date: date.replace('-0000', '+0000')})],
      ['method', () => ({method: 'GOT'})],
      ['host', () => ({host: '127.0.0.2'})],
      ['path', () => ({path: '/admin/v1/userz'})],
      ['a parameter key', () => ({params: {usernamf: 'alice'}})],
      ['a parameter value', () => ({params: {username: 'alicf'}})],
    ]
    for (const [part, change] of changes) {
      it(part, async () => {
        const response = await sendGet({...getUsers(), ...change()})
        expect(response.status).to.equal(401)
        expect(response.body).to.deep.equal({code: 40_103, message: 'Invalid signature in request credentials', stat: 'FAIL'})
      })
    }

    const postJson = (signedBody: string, sentBody: string): RawRequest => ({
      body: sentBody,
      headers: {
        Authorization: signRequest({...keys, version: 5}, {body: signedBody, date, host: '127.0.0.1', method: 'POST', params: {}, path: '/admin/v1/groups'}),
        'Content-Type': 'application/json',
        Date: date,
      },
      method: 'POST',
      target: '/admin/v1/groups',
    })

    it('the JSON body (v5), with the untouched body accepted', async () => {
      expect((await rawRequest(sandbox, postJson('{"name":"Tamper A"}', '{"name":"Tamper A"}'))).status).to.equal(200)
      const response = await rawRequest(sandbox, postJson('{"name":"Tamper B"}', '{"name":"Tamper C"}'))
      expect([response.status, response.body.code]).to.deep.equal([401, 40_103])
    })

    it('the form body (v2)', async () => {
      const signed = signRequest({...keys, version: 2}, {date, host: '127.0.0.1', method: 'POST', params: {name: 'Tamper D'}, path: '/admin/v1/groups'})
      const response = await rawRequest(sandbox, {
        body: 'name=Tamper+E',
        headers: {Authorization: signed, 'Content-Type': 'application/x-www-form-urlencoded', Date: date},
        method: 'POST',
        target: '/admin/v1/groups',
      })
      expect([response.status, response.body.code]).to.deep.equal([401, 40_103])
    })

    it('an X-Duo header added after signing (v5)', async () => {
      const signed = signRequest({...keys, version: 5}, {...getUsers(), body: ''})
      const response = await rawRequest(sandbox, {
        headers: {Authorization: signed, Date: date, 'X-Duo-Extra': 'x'},
        method: 'GET',
        target: '/admin/v1/users?username=alice',
      })
      expect([response.status, response.body.code]).to.deep.equal([401, 40_103])
    })
  })

  describe('credential and date errors, in Duo\'s order', () => {
    it('no Authorization: 40101', async () => {
      const response = await rawRequest(sandbox, {headers: {Date: formatDuoDate(new Date())}, method: 'GET', target: '/admin/v1/users'})
      expect(response.status).to.equal(401)
      expect(response.body).to.deep.equal({code: 40_101, message: 'Missing request credentials', stat: 'FAIL'})
    })

    it('a malformed Authorization: 40101', async () => {
      const response = await rawRequest(sandbox, {headers: {Authorization: 'Bearer abc', Date: formatDuoDate(new Date())}, method: 'GET', target: '/admin/v1/users'})
      expect(response.body.code).to.equal(40_101)
    })

    it('a wrong integration key: 40102', async () => {
      const client = clientFor(sandbox, {ikey: 'DIWRONGWRONGWRONGWRO'})
      await expectDuoError(client.request('GET', '/admin/v1/users'), 401, 40_102)
      client.close()
    })

    it('a wrong secret key: 40103', async () => {
      const client = clientFor(sandbox, {skey: SKEY.replace('t', 'T')})
      await expectDuoError(client.request('GET', '/admin/v1/users'), 401, 40_103)
      client.close()
    })

    it('no Date and no X-Duo-Date: 401 "Missing request timestamp"', async () => {
      const response = await rawRequest(sandbox, {headers: {Authorization: basic(IKEY, '0'.repeat(128))}, method: 'GET', target: '/admin/v1/users'})
      expect(response.status).to.equal(401)
      expect(response.body).to.include({code: 40_105, message: 'Missing request timestamp'})
    })

    it('a correctly signed request dated 6 minutes ago: out of the window', async () => {
      const client = clientFor(sandbox, {}, {now: () => new Date(Date.now() - 6 * 60_000)})
      const error = await expectDuoError(client.request('GET', '/admin/v1/users'), 401, 40_104)
      expect(error.duoMessage).to.equal('Request timestamp is out of the allowed window')
      client.close()
    })

    it('a request dated 4 minutes ahead is still accepted', async () => {
      const client = clientFor(sandbox, {}, {now: () => new Date(Date.now() + 4 * 60_000)})
      expect((await client.request('GET', '/admin/v1/users')).stat).to.equal('OK')
      client.close()
    })

    it('the integration key is checked before the date', async () => {
      const response = await rawRequest(sandbox, {headers: {Authorization: basic('DIOTHER', 'ab')}, method: 'GET', target: '/admin/v1/users'})
      expect(response.body.code).to.equal(40_102)
    })
  })

  function hmac(digest: 'sha1' | 'sha512', canonical: string): string {
    return createHmac(digest, SKEY).update(canonical).digest('hex')
  }
})

function sha512(text: string): string {
  return createHash('sha512').update(text).digest('hex')
}
