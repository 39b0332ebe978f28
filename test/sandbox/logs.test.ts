// Every log endpoint of the sandbox, called as Duo's official Node client signs calls, with the
// documented parameters: each log's paging (the authentication log's [ms, txid] cursor array, the
// telephony/activity string cursors, Trust Monitor's offset, the v1 logs' mintime in seconds), the
// window rules and errors, clamped limits, and the events the sandbox records itself.
import {expect} from 'chai'

import {officialCall} from '../helpers/official-signer.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Duo's JSON, read field by field
type Any = any
const DAY = 86_400_000

describe('sandbox logs, signed by duo_api_nodejs', () => {
  let sandbox: RunningSandbox
  before(async () => {
    sandbox = await startSandbox({authEvents: 5000, logLagMs: 0})
  })
  after(() => sandbox.close())

  const get = (path: string, params: Record<string, string | string[]>) => officialCall(sandbox, 'GET', path, params)
  const window = (days: number) => ({maxtime: String(Date.now()), mintime: String(Date.now() - days * DAY)})

  it('authentication v2: pages with the [ms, txid] cursor, oldest first with sort=ts:asc, no gap and no repeat', async () => {
    const w = window(31)
    const txids: string[] = []
    let cursor: string | undefined
    let total = 0
    let pages = 0
    do {
      const {body, status} = await get('/admin/v2/logs/authentication', {...w, limit: '1000', sort: 'ts:asc', ...(cursor ? {next_offset: cursor} : {})})
      expect(status).to.equal(200)
      const {authlogs, metadata} = body.response
      total = metadata.total_objects
      txids.push(...authlogs.map((a: Any) => a.txid))
      const times = authlogs.map((a: Any) => Date.parse(a.isotimestamp))
      expect(times).to.deep.equal([...times].sort((a, b) => a - b))
      if (metadata.next_offset !== null) {
        // Duo's cursor: the last row's time in ms and its txid, as two strings.
        expect(metadata.next_offset).to.deep.equal([String(Date.parse(authlogs.at(-1).isotimestamp)), authlogs.at(-1).txid])
        cursor = metadata.next_offset.join(',')
      } else cursor = undefined
      pages++
    } while (cursor)
    expect(total).to.be.within(5000, 5100)
    expect(txids).to.have.length(total)
    expect(new Set(txids).size).to.equal(total)
    expect(pages).to.equal(Math.ceil(total / 1000))
  })

  it('authentication v2: the authlog object has Duo\'s fields; timestamp in seconds, isotimestamp with microseconds', async () => {
    const {body} = await get('/admin/v2/logs/authentication', {...window(1), limit: '1'})
    const [row] = body.response.authlogs
    expect(row).to.include.keys('txid', 'timestamp', 'isotimestamp', 'event_type', 'result', 'reason', 'factor', 'user', 'application', 'access_device', 'auth_device', 'email', 'alias')
    expect(String(row.timestamp)).to.have.length(10)
    expect(row.isotimestamp).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/)
    expect(row.user).to.have.keys('key', 'name', 'groups')
    expect(row.access_device.location).to.have.keys('city', 'state', 'country')
  })

  it('authentication v2: repeated filter keys (users, results, reasons) select; a limit over 1000 is clamped', async () => {
    const users = (await get('/admin/v1/users', {username: 'ivan'})).body.response
    const {body} = await get('/admin/v2/logs/authentication', {...window(7), results: ['denied', 'fraud'], users: [users[0].user_id]})
    const rows = body.response.authlogs
    expect(rows.map((r: Any) => r.reason)).to.deep.equal(['locked_out', 'locked_out', 'locked_out', 'invalid_passcode', 'invalid_passcode', 'invalid_passcode'])
    expect(body.response.metadata).to.deep.equal({next_offset: null, total_objects: 6})
    const byReason = await get('/admin/v2/logs/authentication', {...window(31), limit: '5000', reasons: 'no_response'})
    expect(byReason.body.response.authlogs.every((r: Any) => r.reason === 'no_response')).to.equal(true)
    const clamped = await get('/admin/v2/logs/authentication', {...window(31), limit: '5000'})
    expect(clamped.body.response.authlogs).to.have.length(1000)
  })

  it('window errors: maxtime before mintime, older than 180 days, seconds for milliseconds, a missing maxtime', async () => {
    const now = Date.now()
    const reversed = await get('/admin/v2/logs/authentication', {maxtime: String(now - DAY), mintime: String(now)})
    expect([reversed.status, reversed.body.code]).to.deep.equal([400, 40_002])
    expect(reversed.body.message_detail).to.match(/maxtime .* must be greater than mintime/)
    const old = await get('/admin/v2/logs/activity', {maxtime: String(now), mintime: String(now - 181 * DAY)})
    expect([old.status, old.body.code]).to.deep.equal([400, 40_002])
    expect(old.body.message_detail).to.contain('180 days')
    const seconds = await get('/admin/v2/logs/telephony', {maxtime: String(Math.floor(now / 1000)), mintime: String(Math.floor(now / 1000) - 3600)})
    expect(seconds.body.message_detail).to.contain('milliseconds')
    const missing = await get('/admin/v1/trust_monitor/events', {mintime: String(now - DAY)})
    expect([missing.status, missing.body.code]).to.deep.equal([400, 40_001])
  })

  it('telephony and activity v2: the cursor is one comma-joined string; total_objects is {relation, value}', async () => {
    for (const path of ['/admin/v2/logs/telephony', '/admin/v2/logs/activity']) {
      const ids: string[] = []
      let cursor: string | undefined
      let total = 0
      do {
        const {body} = await get(path, {...window(31), limit: '7', sort: 'ts:asc', ...(cursor ? {next_offset: cursor} : {})})
        const {items, metadata} = body.response
        total = metadata.total_objects.value
        expect(metadata.total_objects.relation).to.equal('eq')
        ids.push(...items.map((i: Any) => i.telephony_id ?? i.activity_id))
        if (metadata.next_offset !== null) expect(metadata.next_offset).to.be.a('string').and.match(/^\d{13},/)
        cursor = metadata.next_offset ?? undefined
      } while (cursor)
      expect(ids, path).to.have.length(total)
      expect(new Set(ids).size, path).to.equal(total)
      expect(total, path).to.be.greaterThan(7)
    }
  })

  it('Trust Monitor: the cursor goes back as offset (not next_offset); type filters', async () => {
    const first = await get('/admin/v1/trust_monitor/events', {...window(31), limit: '2'})
    const {events, metadata} = first.body.response
    expect(events).to.have.length(2)
    expect(metadata.next_offset).to.be.a('string')
    const second = await get('/admin/v1/trust_monitor/events', {...window(31), limit: '2', offset: metadata.next_offset})
    expect(second.body.response.events[0].surfaced_timestamp).to.be.at.least(events[1].surfaced_timestamp)
    expect(second.body.response.events.map((e: Any) => e.sekey)).not.to.include.members(events.map((e: Any) => e.sekey))
    const wrongName = await get('/admin/v1/trust_monitor/events', {...window(31), next_offset: metadata.next_offset})
    expect(wrongName.body.code).to.equal(40_002)
    const bypass = await get('/admin/v1/trust_monitor/events', {...window(31), type: 'bypass_status_enabled'})
    expect(bypass.body.response.events.map((e: Any) => e.type)).to.include('bypass_status').and.not.include('auth')
  })

  it('v1 logs: the oldest rows at or after mintime in seconds, ascending', async () => {
    const mintime = Math.floor((Date.now() - 20 * DAY) / 1000)
    for (const path of ['/admin/v1/logs/administrator', '/admin/v1/logs/offline_enrollment', '/admin/v1/logs/telephony']) {
      const {body, status} = await get(path, {mintime: String(mintime)})
      expect(status, path).to.equal(200)
      const times = body.response.map((r: Any) => r.timestamp)
      expect(times.length, path).to.be.greaterThan(0)
      expect(times.every((t: number) => t >= mintime), path).to.equal(true)
      expect(times, path).to.deep.equal([...times].sort((a, b) => a - b))
    }
  })

  it('every write the sandbox serves adds an administrator log entry with Duo\'s action names', async () => {
    const mintime = String(Math.floor(Date.now() / 1000) - 1)
    const created = await officialCall(sandbox, 'POST', '/admin/v1/users', {realname: 'Log Test', username: 'logtest'})
    await officialCall(sandbox, 'POST', `/admin/v1/users/${created.body.response.user_id}`, {status: 'disabled'})
    await officialCall(sandbox, 'POST', '/admin/v1/groups', {name: 'Auditors'})
    await officialCall(sandbox, 'DELETE', `/admin/v1/users/${created.body.response.user_id}`)
    const {body} = await get('/admin/v1/logs/administrator', {mintime})
    const mine = body.response.filter((r: Any) => r.username === 'API')
    expect(mine.map((r: Any) => [r.action, r.object])).to.deep.equal([
      ['user_create', 'logtest'],
      ['user_update', 'logtest'],
      ['group_create', 'Auditors'],
      ['user_delete', 'logtest'],
    ])
    expect(JSON.parse(mine[1].description)).to.deep.equal({status: 'disabled'})
  })

  it('a verification push is recorded as a Duo Push authentication', async () => {
    const [alice] = (await get('/admin/v1/users', {username: 'alice'})).body.response
    const since = Date.now() - 1000
    await officialCall(sandbox, 'POST', `/admin/v1/users/${alice.user_id}/send_verification_push`, {phone_id: alice.phones[0].phone_id})
    await new Promise((resolve) => setTimeout(resolve, 2100))
    const {body} = await get('/admin/v2/logs/authentication', {maxtime: String(Date.now()), mintime: String(since), users: alice.user_id})
    expect(body.response.authlogs.map((a: Any) => [a.factor, a.result, a.reason, a.user.name])).to.deep.equal([['duo_push', 'success', 'user_approved', 'alice']])
  })
})

describe('sandbox logs: Duo\'s delay and live traffic', () => {
  let sandbox: RunningSandbox
  before(async () => {
    sandbox = await startSandbox({authRate: {requests: 20, windowMs: 1000}})
  })
  after(() => sandbox.close())

  it('events younger than two minutes are held back; --auth-rate traffic shows once older', async () => {
    await new Promise((resolve) => setTimeout(resolve, 500))
    const now = Date.now()
    const {body} = await officialCall(sandbox, 'GET', '/admin/v2/logs/authentication', {maxtime: String(now), mintime: String(now - 5 * 60_000)})
    // The generated history ends a minute before start; live events are all younger than 2 minutes.
    expect(body.response.authlogs.every((a: Any) => Date.parse(a.isotimestamp) <= now - 120_000)).to.equal(true)
  })
})

describe('sandbox logs: live traffic without the delay', () => {
  let sandbox: RunningSandbox
  before(async () => {
    sandbox = await startSandbox({authEvents: 0, authRate: {requests: 20, windowMs: 1000}, logLagMs: 0})
  })
  after(() => sandbox.close())

  it('--auth-rate adds authentication events as time passes', async () => {
    const since = Date.now()
    await new Promise((resolve) => setTimeout(resolve, 600))
    const {body} = await officialCall(sandbox, 'GET', '/admin/v2/logs/authentication', {maxtime: String(Date.now()), mintime: String(since)})
    expect(body.response.authlogs.length).to.be.within(5, 20)
  })
})
