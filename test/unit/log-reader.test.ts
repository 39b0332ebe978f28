// The log reader against a scripted Duo: whole-second mintime paging de-duplicates its boundary
// second, positions resume without gap or repeat, pacing waits between requests, and --since/--until
// parse durations and dates.
import {expect} from 'chai'

import type {DuoCaller, DuoEnvelope, RequestParams} from '../../src/core/calls.js'
import {LOG_KINDS} from '../../src/core/log-kinds.js'
import {parseSince} from '../../src/core/since.js'
import {Pacer, advance, readLog} from '../../src/tasks/log-reader.js'

type Row = {timestamp: number; action: string; object: string}

/** A v1 administrator log as Duo serves it: the 1000 oldest rows at or after mintime (seconds). */
function v1Duo(rows: Row[], calls: RequestParams[]): DuoCaller {
  return {
    pages() {
      throw new Error('not used')
    },
    async request<T>(_method: string, _path: string, params: RequestParams = {}) {
      calls.push(params)
      const mintime = Number(params.mintime)
      return {response: rows.filter((r) => r.timestamp >= mintime).slice(0, 1000), stat: 'OK'} as DuoEnvelope<T>
    },
    requestText() {
      throw new Error('not used')
    },
  }
}

describe('log reader', () => {
  const admin = LOG_KINDS.admin

  it('mintime logs: pages of 1000 whose boundary second repeats give every row once', async () => {
    // 2500 rows, five per second, so every page ends inside a second that the next page repeats.
    const rows: Row[] = Array.from({length: 2500}, (_, i) => ({action: 'user_update', object: `u${i}`, timestamp: 1_700_000_000 + Math.floor(i / 5)}))
    const calls: RequestParams[] = []
    const got: Row[] = []
    for await (const page of readLog(v1Duo(rows, calls), admin, {since: 1_700_000_000_000, until: 1_800_000_000_000})) got.push(...(page.rows as Row[]))
    expect(got.map((r) => r.object)).to.deep.equal(rows.map((r) => r.object))
    expect(calls.map((c) => c.mintime)).to.deep.equal(['1700000000', '1700000199', '1700000398'])
  })

  it('a position resumes after exactly the rows delivered, including those sharing its second', async () => {
    const rows: Row[] = Array.from({length: 12}, (_, i) => ({action: 'a', object: `u${i}`, timestamp: 1_700_000_000 + Math.floor(i / 4)}))
    const first = advance(admin, {mintime: 0, seen: []}, rows.slice(0, 6))
    const calls: RequestParams[] = []
    const rest: Row[] = []
    for await (const page of readLog(v1Duo(rows, calls), admin, {position: first.position, since: 0, until: 1_800_000_000_000})) rest.push(...(page.rows as Row[]))
    expect([...first.rows, ...rest].map((r) => (r as Row).object)).to.deep.equal(rows.map((r) => r.object))
    expect(calls[0].mintime).to.equal('1700000001')
  })

  it('rows after --until are not delivered', async () => {
    const rows: Row[] = [0, 1, 2, 3].map((i) => ({action: 'a', object: `u${i}`, timestamp: 1_700_000_000 + i * 10}))
    const got: Row[] = []
    for await (const page of readLog(v1Duo(rows, []), admin, {since: 0, until: 1_700_000_020_000})) got.push(...(page.rows as Row[]))
    expect(got.map((r) => r.object)).to.deep.equal(['u0', 'u1', 'u2'])
  })

  it('the pacer spaces requests by its interval, the first at once', async () => {
    let now = 0
    const slept: number[] = []
    const pacer = new Pacer(30_000, {now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms))})
    await pacer.wait()
    now += 5000
    await pacer.wait()
    await pacer.wait()
    expect(slept).to.deep.equal([25_000, 30_000])
  })
})

describe('parseSince', () => {
  const now = Date.parse('2026-12-01T12:00:00Z')
  it('takes durations back from now and ISO dates in UTC', () => {
    expect(parseSince('15m', '--since', now)).to.equal(now - 15 * 60_000)
    expect(parseSince('24h', '--since', now)).to.equal(now - 86_400_000)
    expect(parseSince('7d', '--since', now)).to.equal(now - 7 * 86_400_000)
    expect(parseSince('2w', '--since', now)).to.equal(now - 14 * 86_400_000)
    expect(parseSince('2026-11-30', '--since', now)).to.equal(Date.parse('2026-11-30T00:00:00Z'))
    expect(parseSince('2026-11-30T08:00', '--since', now)).to.equal(Date.parse('2026-11-30T08:00:00Z'))
    expect(parseSince('2026-11-30T08:00:00+02:00', '--since', now)).to.equal(Date.parse('2026-11-30T06:00:00Z'))
  })

  it('refuses anything else with a usage error naming the flag', () => {
    expect(() => parseSince('yesterday', '--since', now)).to.throw(/--since "yesterday" is neither a duration nor a date/)
    expect(() => parseSince('2026-02-30T99:00', '--until', now)).to.throw(/--until .* is not a valid date/)
  })
})
