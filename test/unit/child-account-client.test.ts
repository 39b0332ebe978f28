// A child account's calls on the wire, as duo_client_python's AccountAdmin sends them: to the child's
// api_hostname, account_id among the parameters (query for GET, body for POST), signed with the
// parent's keys like any other parameter. Signatures are checked by Duo's official Node signer (v2)
// and by a canonical string written out here by hand (v5), not by src/core/signing.ts.
import {expect} from 'chai'
import {createHash, createHmac} from 'node:crypto'
import {createRequire} from 'node:module'

import type {Credentials} from '../../src/core/calls.js'
import {DuoClient} from '../../src/transport/client.js'
import {recordingServer} from '../helpers/recording-server.js'

const require = createRequire(import.meta.url)
const duoSig = require('@duosecurity/duo_api/lib/duo_sig.js') as {
  sign(ikey: string, skey: string, method: string, host: string, path: string, params: Record<string, string | string[]>, date: string): string
}


const ikey = 'DIABCDEFGHIJKLMNOPQR'
const skey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCD'
const ACCOUNT_ID = 'DA9VZOC5X63I2W72NRP9'
const fixedNow = () => new Date(Date.UTC(2026, 11, 2, 1, 0, 0))
const sha512 = (text: string) => createHash('sha512').update(text).digest('hex')

describe('a child account\'s calls on the wire', () => {
  let parent: Awaited<ReturnType<typeof recordingServer>>
  let child: Awaited<ReturnType<typeof recordingServer>>
  const clients: DuoClient[] = []

  before(async () => {
    parent = await recordingServer()
    child = await recordingServer()
  })
  after(() => {
    for (const client of clients) client.close()
    parent.server.close()
    child.server.close()
  })
  beforeEach(() => {
    parent.captured.length = 0
    child.captured.length = 0
  })

  function clientFor(credentials: Partial<Credentials> = {}): DuoClient {
    const account = {account_id: ACCOUNT_ID, api_hostname: child.url, name: 'Acme Dental'}
    const client = new DuoClient({credentials: {account, host: parent.url, ikey, skey, ...credentials}, maxAttempts: 1, now: fixedNow})
    clients.push(client)
    return client
  }

  it('GET: goes to the child\'s host with account_id in the query, signed with the parent\'s keys (Duo\'s official signer agrees)', async () => {
    await clientFor({signatureVersion: 2}).request('GET', '/admin/v1/users', {username: 'amelia'})
    expect(parent.captured).to.have.length(0)
    const [sent] = child.captured
    const url = new URL(sent.url, child.url)
    expect(url.pathname).to.equal('/admin/v1/users')
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({account_id: ACCOUNT_ID, username: 'amelia'})
    const official = duoSig.sign(ikey, skey, 'GET', '127.0.0.1', '/admin/v1/users', {account_id: ACCOUNT_ID, username: 'amelia'}, sent.headers.date!)
    expect(sent.headers.authorization).to.equal(official)
  })

  it('DELETE: account_id in the query too', async () => {
    await clientFor().request('DELETE', '/admin/v1/users/DUABCDEFGHIJKLMNOPQR')
    expect(new URL(child.captured[0].url, child.url).searchParams.get('account_id')).to.equal(ACCOUNT_ID)
  })

  it('POST under signature v5: account_id in the JSON body, which the signature covers', async () => {
    await clientFor().request('POST', '/admin/v1/users', {username: 'newbie'})
    expect(parent.captured).to.have.length(0)
    const [sent] = child.captured
    expect(sent.url).to.equal('/admin/v1/users')
    expect(JSON.parse(sent.body)).to.deep.equal({account_id: ACCOUNT_ID, username: 'newbie'})
    const canonical = [sent.headers.date, 'POST', '127.0.0.1', '/admin/v1/users', '', sha512(sent.body), sha512('')].join('\n')
    const expected = 'Basic ' + Buffer.from(`${ikey}:${createHmac('sha512', skey).update(canonical).digest('hex')}`).toString('base64')
    expect(sent.headers.authorization).to.equal(expected)
  })

  it('POST under signature v2: account_id in the form body (Duo\'s official signer agrees)', async () => {
    await clientFor({signatureVersion: 2}).request('POST', '/admin/v1/groups', {name: 'Front Desk'})
    const [sent] = child.captured
    expect(Object.fromEntries(new URLSearchParams(sent.body))).to.deep.equal({account_id: ACCOUNT_ID, name: 'Front Desk'})
    const official = duoSig.sign(ikey, skey, 'POST', '127.0.0.1', '/admin/v1/groups', {account_id: ACCOUNT_ID, name: 'Front Desk'}, sent.headers.date!)
    expect(sent.headers.authorization).to.equal(official)
  })

  it('every page of a paged list carries account_id', async () => {
    const client = clientFor()
    for await (const _page of client.pages('/admin/v1/groups', {limit: '2'})) {
      // one page: the recording server says there is no next
    }

    expect(child.captured).to.have.length(1)
    expect(new URL(child.captured[0].url, child.url).searchParams.get('account_id')).to.equal(ACCOUNT_ID)
  })

  it('Accounts API calls go to the parent\'s own host, without account_id', async () => {
    await clientFor().request('POST', '/accounts/v1/account/list')
    expect(child.captured).to.have.length(0)
    const [sent] = parent.captured
    expect(sent.url).to.equal('/accounts/v1/account/list')
    expect(JSON.parse(sent.body)).to.deep.equal({})
  })

  it('without a child account nothing is added, and calls go to the host', async () => {
    await clientFor({account: undefined}).request('GET', '/admin/v1/users', {username: 'alice'})
    expect(child.captured).to.have.length(0)
    expect(new URL(parent.captured[0].url, parent.url).searchParams.has('account_id')).to.equal(false)
  })
})
