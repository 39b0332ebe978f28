// Paging, routing and parameter checks, on 1,000 generated users.
import {expect} from 'chai'

import type {DuoClient} from '../../src/transport/client.js'
import {invoke} from '../../src/core/invoke.js'
import {formatDuoDate, signRequest} from '../../src/core/signing.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {clientFor, expectDuoError, rawRequest} from './helpers.js'

interface User {
  user_id: string
  username: string
}

describe('sandbox: paging, routing and parameter checks', () => {
  let sandbox: RunningSandbox
  let client: DuoClient

  before(async () => {
    sandbox = await startSandbox({users: 1000})
    client = clientFor(sandbox)
  })
  after(async () => {
    client.close()
    await sandbox.close()
  })

  function signedRaw(method: string, path: string, body: string, contentType: string) {
    const date = formatDuoDate(new Date())
    const authorization = signRequest(
      {digest: 'sha512', ikey: sandbox.ikey, skey: sandbox.skey, version: 5},
      {body, date, host: '127.0.0.1', method, params: {}, path},
    )
    return rawRequest(sandbox, {body, headers: {Authorization: authorization, 'Content-Type': contentType, Date: date}, method, target: path})
  }

  describe('paging', () => {
    it('1,000 users at limit 300: four pages, each user exactly once, metadata right', async () => {
      const pages = []
      for await (const page of client.pages<User>('/admin/v1/users', {limit: '300'})) pages.push(page)
      expect(pages.map((p) => p.response.length)).to.deep.equal([300, 300, 300, 100])
      expect(pages.map((p) => p.metadata)).to.deep.equal([
        {next_offset: 300, prev_offset: null, total_objects: 1000},
        {next_offset: 600, prev_offset: 0, total_objects: 1000},
        {next_offset: 900, prev_offset: 300, total_objects: 1000},
        {next_offset: null, prev_offset: 600, total_objects: 1000},
      ])
      const users = pages.flatMap((p) => p.response)
      expect(new Set(users.map((u) => u.user_id)).size).to.equal(1000)
      expect(users[0].username).to.equal('user00001')
      expect(users[999].username).to.equal('user01000')
    })

    it('the default page is 100 (the catalog\'s default limit)', async () => {
      const page = await client.request<User[]>('GET', '/admin/v1/users')
      expect(page.response).to.have.length(100)
      expect(page.metadata).to.deep.equal({next_offset: 100, prev_offset: null, total_objects: 1000})
    })

    it('limit 1000 is clamped to the maximum (300), as the Ruby client relies on', async () => {
      const page = await client.request<User[]>('GET', '/admin/v1/users', {limit: '1000'})
      expect(page.response).to.have.length(300)
      expect(page.metadata!.next_offset).to.equal(300)
    })

    it('limit 0 and a negative offset are 400 40002; an offset past the end is an empty page', async () => {
      await expectDuoError(client.request('GET', '/admin/v1/users', {limit: '0'}), 400, 40_002)
      await expectDuoError(client.request('GET', '/admin/v1/users', {offset: '-1'}), 400, 40_002)
      const past = await client.request<User[]>('GET', '/admin/v1/users', {offset: '5000'})
      expect(past.response).to.deep.equal([])
      expect(past.metadata).to.deep.equal({next_offset: null, prev_offset: 4900, total_objects: 1000})
    })

    it('group members (v2) page too: 100 per generated group', async () => {
      const groups = await invoke<Array<{group_id: string; name: string}>>(client, 'listgroups')
      expect(groups.response).to.have.length(10)
      const members = await invoke<User[]>(client, 'listgroupusersv2', {group_id: groups.response[0].group_id, limit: 60, offset: 60})
      expect(members.response).to.have.length(40)
      expect(members.metadata).to.deep.equal({next_offset: null, prev_offset: 0, total_objects: 100})
    })
  })

  describe('routing', () => {
    it('static segments beat {user_id}: enroll, bulk_create and directorysync are never user ids', async () => {
      const directories = await client.request<unknown[]>('GET', '/admin/v1/users/directorysync')
      expect(directories.response).to.have.length(1)
      // bulk_create reached, as its missing `users` shows (updateuser would have said 404 for the user).
      await expectDuoError(client.request('POST', '/admin/v1/users/bulk_create'), 400, 40_001)
      await expectDuoError(client.request('POST', '/admin/v1/users/bulk_restore'), 400, 40_001)
      await expectDuoError(client.request('POST', '/admin/v1/users/bulk_send_to_trash'), 400, 40_001)
      // GET on enroll is the wrong method for the static route, not getuser("enroll").
      await expectDuoError(client.request('GET', '/admin/v1/users/enroll'), 405, 40_501)
    })

    it('a percent-encoded id `..%2Fgroups` is a user that does not exist, not the groups list', async () => {
      const error = await expectDuoError(client.request('GET', '/admin/v1/users/..%2Fgroups'), 404, 40_401)
      expect(error.detail).to.equal('user ../groups')
      await expectDuoError(invoke(client, 'getuser', {user_id: '../groups'}), 404, 40_401)
    })

    it('path ids are percent-decoded', async () => {
      const [first] = (await client.request<User[]>('GET', '/admin/v1/users', {limit: '1'})).response
      const encoded = first.user_id.replace('D', '%44')
      const user = await client.request<User>('GET', `/admin/v1/users/${encoded}`)
      expect(user.response.username).to.equal('user00001')
    })

    it('unknown path: 404 40401; known path, wrong method: 405 40501 with Allow', async () => {
      await expectDuoError(client.request('GET', '/admin/v1/nothing'), 404, 40_401)
      await expectDuoError(client.request('GET', '/admin/v1/users/'), 404, 40_401)
      const date = formatDuoDate(new Date())
      const authorization = signRequest(
        {digest: 'sha512', ikey: sandbox.ikey, skey: sandbox.skey, version: 2},
        {date, host: '127.0.0.1', method: 'DELETE', params: {}, path: '/admin/v1/groups'},
      )
      const response = await rawRequest(sandbox, {headers: {Authorization: authorization, Date: date}, method: 'DELETE', target: '/admin/v1/groups'})
      expect(response.status).to.equal(405)
      expect(response.body).to.include({code: 40_501, message: 'Method not allowed', stat: 'FAIL'})
      expect(response.headers.allow).to.equal('GET, POST')
    })

    it('every answer carries Date and Content-Type application/json', async () => {
      const response = await rawRequest(sandbox, {method: 'GET', target: '/admin/v1/users'})
      expect(response.headers['content-type']).to.equal('application/json')
      expect(Math.abs(Date.parse(response.headers.date as string) - Date.now())).to.be.below(5000)
    })
  })

  describe('parameter checks (from the catalog)', () => {
    it('a missing required parameter is 40001; an invalid value or unknown parameter is 40002 naming it', async () => {
      const missing = await expectDuoError(client.request('POST', '/admin/v1/users', {realname: 'No Name'}), 400, 40_001)
      expect(missing.duoMessage).to.equal('Missing required request parameters')
      expect(missing.detail).to.equal('username is required')
      const invalid = await expectDuoError(client.request('POST', '/admin/v1/users', {status: 'sleeping', username: 'x'}), 400, 40_002)
      expect(invalid.duoMessage).to.equal('Invalid request parameters')
      expect(invalid.detail).to.match(/^status must be one of active, bypass, disabled/)
      const unknown = await expectDuoError(client.request('GET', '/admin/v1/users', {colour: 'blue'}), 400, 40_002)
      expect(unknown.detail).to.match(/^colour unknown parameter/)
      const repeated = await expectDuoError(client.request('GET', '/admin/v1/users', {username: ['a', 'b']}), 400, 40_002)
      expect(repeated.detail).to.match(/^username must be a string/)
    })

    it('a JSON body must be an object: 400 40002', async () => {
      const response = await signedRaw('POST', '/admin/v1/groups', '["not", "an", "object"]', 'application/json')
      expect(response.status).to.equal(400)
      expect(response.body).to.include({code: 40_002, message_detail: 'the JSON body must be an object'})
      expect((await signedRaw('POST', '/admin/v1/groups', '{"name":', 'application/json')).body.code).to.equal(40_002)
    })

    it('a JSON body may carry real numbers and booleans', async () => {
      const response = await signedRaw('POST', '/admin/v1/users', '{"enable_auto_prompt":true,"username":"jsonuser"}', 'application/json')
      expect(response.status).to.equal(200)
      expect(response.body.response).to.include({enable_auto_prompt: true, username: 'jsonuser'})
    })

    it('a body over 1 MiB is refused with 413', async () => {
      const response = await signedRaw('POST', '/admin/v1/groups', JSON.stringify({desc: 'x'.repeat(1024 * 1024), name: 'big'}), 'application/json')
      expect(response.status).to.equal(413)
      expect(response.body.stat).to.equal('FAIL')
    })
  })

  describe('scale', () => {
    // Seeding speed is a benchmark concern (bench/paging seeds 100,000 users), not a timed assertion.
    it('seeds 100,000 users, pages to the end and finds one by username', async () => {
      const big = await startSandbox({users: 100_000})
      const bigClient = clientFor(big)
      try {
        const last = await bigClient.request<User[]>('GET', '/admin/v1/users', {limit: '300', offset: '99900'})
        expect(last.response.map((u) => u.username).at(-1)).to.equal('user100000')
        expect(last.metadata).to.deep.equal({next_offset: null, prev_offset: 99_600, total_objects: 100_000})
        const one = await bigClient.request<User[]>('GET', '/admin/v1/users', {username: 'user54321'})
        expect(one.response.map((u) => u.username)).to.deep.equal(['user54321'])
      } finally {
        bigClient.close()
        await big.close()
      }
    })
  })
})
