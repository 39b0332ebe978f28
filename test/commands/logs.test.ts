// duo logs … and duo users logins, the built CLI against a sandbox whose log history is generated
// from its seed (ivan is the demo's locked-out user).
import {expect} from 'chai'

import {sandboxSession} from '../helpers/sandbox-session.js'

type Row = Record<string, unknown> & {user?: {name: string}; application?: {key: string; name: string}}
const TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/
const ndjson = (text: string) => text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row)
const nextToken = (stderr: string) => /--next (\S+)/.exec(stderr)?.[1]

describe('duo logs (built CLI, sandbox)', () => {
  const session = sandboxSession({authEvents: 3000, logLagMs: 0})

  describe('auth', () => {
    it('prints a table of the last 24 hours, newest first, with UTC times and the columns a person scans', async () => {
      const result = await session.run(['logs', 'auth', '--limit', '20'])
      expect(result.code, result.stderr).to.equal(0)
      const [header, ...rows] = result.stdout.trim().split('\n')
      expect(header.split(/\s{2,}/)).to.deep.equal(['TIME', 'USER', 'APP', 'RESULT', 'REASON', 'FACTOR', 'DEVICE', 'IP', 'LOCATION'])
      expect(rows).to.have.length(20)
      const times = rows.map((row) => row.slice(0, 20))
      for (const time of times) expect(time).to.match(TIME)
      expect(times).to.deep.equal([...times].sort().reverse())
    })

    it('--json prints Duo\'s rows as they came (timestamp in seconds), the page as an array', async () => {
      const rows = await session.json<Row[]>(['logs', 'auth', '--limit', '5'])
      expect(rows).to.have.length(5)
      expect(rows[0]).to.include.keys('txid', 'timestamp', 'isotimestamp', 'access_device', 'auth_device')
      expect(String(rows[0].timestamp)).to.have.length(10)
    })

    it('--user (a username, repeatable) and --result filter at Duo; the locked-out story is there', async () => {
      const ivan = await session.json<Row[]>(['logs', 'auth', '--user', 'ivan', '--result', 'denied', '--since', '7d'])
      expect(ivan.map((r) => r.reason)).to.deep.equal(['locked_out', 'locked_out', 'locked_out', 'invalid_passcode', 'invalid_passcode', 'invalid_passcode'])
      const two = await session.json<Row[]>(['logs', 'auth', '--user', 'alice', '--user', 'bob', '--since', '7d', '--limit', '200'])
      expect(new Set(two.map((r) => r.user!.name))).to.deep.equal(new Set(['alice', 'bob']))
    })

    it('--reason, --factor, --event-type and --group filter', async () => {
      const noResponse = await session.json<Row[]>(['logs', 'auth', '--reason', 'no_response', '--since', '30d', '--limit', '1000'])
      expect(noResponse.length).to.be.greaterThan(0)
      expect(noResponse.every((r) => r.reason === 'no_response')).to.equal(true)
      const passcodes = await session.json<Row[]>(['logs', 'auth', '--factor', 'sms_passcode', '--since', '30d'])
      expect(passcodes.every((r) => r.factor === 'sms_passcode') && passcodes.length > 0).to.equal(true)
      const enrollments = await session.json<Row[]>(['logs', 'auth', '--event-type', 'enrollment', '--since', '30d'])
      expect(enrollments.length).to.be.greaterThan(0)
      expect(enrollments.every((r) => r.event_type === 'enrollment' && r.reason === null)).to.equal(true)
      const contractors = await session.json<Row[]>(['logs', 'auth', '--group', 'Contractors', '--since', '7d', '--limit', '500'])
      expect(new Set(contractors.map((r) => r.user!.name))).to.deep.equal(new Set(['frank', 'grace', 'heidi']))
    })

    it('--app takes an integration key (sent to Duo) or a name matched against the applications in the log', async () => {
      const byName = ndjson((await session.run(['logs', 'auth', '--app', 'salesforce', '--since', '7d', '--all', '--json'])).stdout)
      expect(byName.length).to.be.greaterThan(0)
      expect(byName.every((r) => r.application!.name === 'Salesforce')).to.equal(true)
      const key = byName[0].application!.key
      const byKey = ndjson((await session.run(['logs', 'auth', '--app', key, '--since', '7d', '--all', '--json'])).stdout)
      expect(byKey.map((r) => r.txid)).to.deep.equal(byName.map((r) => r.txid))
    })

    it('pages: the next cursor is noted on stderr and --next continues; --all --json streams every event once', async () => {
      const first = await session.run(['logs', 'auth', '--since', '30d', '--limit', '100', '--json'])
      const token = nextToken(first.stderr)
      expect(token, first.stderr).to.be.a('string')
      const second = await session.json<Row[]>(['logs', 'auth', '--next', token!, '--limit', '100'])
      const firstRows = JSON.parse(first.stdout) as Row[]
      expect(second).to.have.length(100)
      expect(second.map((r) => r.txid)).not.to.include.members(firstRows.map((r) => r.txid))
      expect(Number(second[0].timestamp)).to.be.at.most(Number(firstRows.at(-1)!.timestamp))

      const all = await session.run(['logs', 'auth', '--since', '31d', '--all', '--json'])
      expect(all.code, all.stderr).to.equal(0)
      const rows = ndjson(all.stdout)
      expect(rows.length).to.be.within(3000, 3010)
      expect(new Set(rows.map((r) => r.txid)).size).to.equal(rows.length)
      const times = rows.map((r) => Date.parse(String(r.isotimestamp)))
      expect(times).to.deep.equal([...times].sort((a, b) => a - b))
    })

    it('--csv prints a header and the table\'s columns', async () => {
      const result = await session.run(['logs', 'auth', '--csv', '--limit', '3', '--columns', 'time,user,result'])
      const lines = result.stdout.trim().split('\n')
      expect(lines[0]).to.equal('time,user,result')
      expect(lines).to.have.length(4)
      expect(lines[1]).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ,\w+,(success|denied|fraud)$/)
    })

    it('refuses bad windows and values with one line and exit 2, before sending anything', async () => {
      const before = session.sandbox.requestCount()
      const cases: Array<[string[], RegExp]> = [
        [['--since', '200d'], /more than 180 days ago/],
        [['--since', '1h', '--until', '2h'], /--since .* must be before --until/],
        [['--since', 'yesterday'], /neither a duration nor a date/],
        [['--since', '2026-13-45'], /not a valid date/],
        [['--limit', '5000'], /over the 1000/],
        [['--next', 'garbage'], /not a cursor duo printed/],
      ]
      for (const [args, message] of cases) {
        const result = await session.run(['logs', 'auth', ...args])
        expect(result.code, args.join(' ')).to.equal(2)
        expect(result.stderr, args.join(' ')).to.match(message)
      }

      const badResult = await session.run(['logs', 'auth', '--result', 'maybe'])
      expect(badResult.code).to.equal(2)
      expect(session.sandbox.requestCount()).to.equal(before)
    })

    it('an unknown --user is a not-found error (exit 4)', async () => {
      const result = await session.run(['logs', 'auth', '--user', 'nobody-here'])
      expect(result.code).to.equal(4)
      expect(result.stderr).to.contain('No user named "nobody-here"')
    })
  })

  describe('admin', () => {
    it('shows the administrator log entry of a write, filtered by --action, --admin and --object', async () => {
      expect((await session.run(['users', 'create', '--username', 'audited', '--realname', 'Audited User'])).code).to.equal(0)
      const entries = await session.json<Row[]>(['logs', 'admin', '--since', '10m', '--action', 'user_create', '--admin', 'API', '--object', 'audit'])
      expect(entries.map((e) => [e.action, e.object, e.username])).to.deep.equal([['user_create', 'audited', 'API']])
      const table = await session.run(['logs', 'admin', '--since', '30d', '--limit', '5'])
      expect(table.stdout.split('\n')[0].split(/\s{2,}/)).to.deep.equal(['TIME', 'ADMIN', 'ACTION', 'OBJECT', 'DESCRIPTION'])
    })

    it('--all walks mintime pages to the end without repeats', async () => {
      const all = ndjson((await session.run(['logs', 'admin', '--since', '31d', '--all', '--json'])).stdout)
      expect(all.length).to.be.greaterThan(60)
      expect(new Set(all.map((r) => JSON.stringify(r))).size).to.equal(all.length)
    })
  })

  describe('the other logs', () => {
    for (const [log, key] of [['telephony', 'telephony_id'], ['activity', 'activity_id'], ['offline-enrollment', 'action'], ['trust-monitor', 'sekey']] as const) {
      it(`${log}: --all --json over 30 days, every row once; a table by default`, async () => {
        const all = ndjson((await session.run(['logs', log, '--since', '30d', '--all', '--json', '--limit', '5'])).stdout)
        expect(all.length, log).to.be.greaterThan(3)
        if (key !== 'action') expect(new Set(all.map((r) => r[key])).size, log).to.equal(all.length)
        const table = await session.run(['logs', log, '--since', '30d'])
        expect(table.code, table.stderr).to.equal(0)
        expect(table.stdout.split('\n')[0]).to.match(/^TIME\s{2,}/)
      })
    }

    it('telephony --v1 reads the legacy log; trust-monitor --type filters', async () => {
      const v1 = await session.json<Row[]>(['logs', 'telephony', '--v1', '--since', '30d'])
      expect(v1.length).to.be.greaterThan(0)
      expect(v1[0]).to.include.keys('timestamp', 'type', 'phone', 'credits')
      const bypass = await session.json<Row[]>(['logs', 'trust-monitor', '--type', 'bypass_status_enabled', '--since', '30d'])
      expect(bypass.length).to.be.greaterThan(0)
      expect(bypass.every((e) => e.type === 'bypass_status')).to.equal(true)
    })
  })

  describe('users logins: why was I denied?', () => {
    it('says the user is locked out and why the last logins were denied, in words, newest first', async () => {
      const result = await session.run(['users', 'logins', 'ivan'])
      expect(result.code, result.stderr).to.equal(0)
      const lines = result.stdout.split('\n')
      expect(lines[0]).to.equal('ivan is locked out (Failed Attempts): Duo denies every login until an administrator unlocks the account (duo users update ivan --status active).')
      expect(lines[1]).to.match(/^Last login: denied \d+ min ago \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ\) to Microsoft 365: locked out after too many failed attempts\.$/)
      expect(result.stdout).to.contain('wrong passcode')
    })

    it('--json: the user with its status, and Duo\'s rows with reason_text', async () => {
      const {logins, user} = await session.json<{user: Row; logins: Row[]}>(['users', 'logins', 'ivan', '--since', '1d'])
      expect(user).to.include({lockout_reason: 'Failed Attempts', status: 'locked out', username: 'ivan'})
      expect(logins.map((l) => l.reason_text)).to.deep.equal([
        'locked out after too many failed attempts',
        'locked out after too many failed attempts',
        'locked out after too many failed attempts',
        'wrong passcode',
        'wrong passcode',
        'wrong passcode',
      ])
    })

    it('a user with no authentications in the window is told so', async () => {
      expect((await session.run(['users', 'create', '--username', 'newcomer'])).code).to.equal(0)
      const result = await session.run(['users', 'logins', 'newcomer'])
      expect(result.code).to.equal(0)
      expect(result.stdout).to.contain('No authentications for newcomer in this window')
    })
  })
})
