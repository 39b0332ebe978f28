import {expect} from 'chai'

import {sandboxSession} from '../helpers/sandbox-session.js'

describe('duo users list (built CLI, sandbox)', () => {
  describe('demo tenant', () => {
    const session = sandboxSession()

    it('prints a table of users with the default columns and dates for people', async () => {
      const result = await session.run(['users', 'list'])
      expect(result.code, result.stderr).to.equal(0)
      const [header, ...rows] = result.stdout.trim().split('\n')
      expect(header.split(/\s{2,}/)).to.deep.equal(['USERNAME', 'REALNAME', 'EMAIL', 'STATUS', 'IS_ENROLLED', 'LAST_LOGIN', 'USER_ID'])
      expect(rows).to.have.length(9)
      expect(rows[0]).to.match(/^alice\s+Alice Smith\s+alice@example\.com\s+active\s+true\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+DU[0-9A-Z]{18}$/)
    })

    it('--json prints the plain Duo data (no envelope) of one page', async () => {
      const users = await session.json<Array<{username: string; phones: unknown[]}>>(['users', 'list'])
      expect(users.map((u) => u.username)).to.deep.equal(['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan'])
      expect(users[0].phones).to.be.an('array')
    })

    it('--limit pages and names the next offset on stderr; --offset continues', async () => {
      const first = await session.run(['users', 'list', '--limit', '3', '--columns', 'username'])
      expect(first.stdout.trim().split('\n').slice(1)).to.deep.equal(['alice', 'bob', 'carol'])
      expect(first.stderr).to.contain('--offset 3')
      const second = await session.json<Array<{username: string}>>(['users', 'list', '--limit', '3', '--offset', '3'])
      expect(second.map((u) => u.username)).to.deep.equal(['dave', 'erin', 'frank'])
    })

    it('--csv with --columns prints RFC 4180 CSV with a header', async () => {
      const result = await session.run(['users', 'list', '--csv', '--columns', 'username,realname,status', '--all'])
      expect(result.stdout.trim().split('\n')).to.deep.equal([
        'username,realname,status',
        'alice,Alice Smith,active',
        'bob,Bob Jones,active',
        'carol,Carol Nguyen,active',
        'dave,Dave Miller,active',
        'erin,Erin Garcia,active',
        'frank,Frank Wilson,bypass',
        'grace,Grace Lee,disabled',
        'heidi,Heidi Brown,active',
        'ivan,Ivan Petrov,locked out',
      ])
    })

    it('--username finds one user (aliases too); an unknown one is an empty list, exit 0', async () => {
      expect((await session.json<Array<{username: string}>>(['users', 'list', '--username', 'asmith']))[0].username).to.equal('alice')
      expect(await session.json(['users', 'list', '--username', 'nobody'])).to.deep.equal([])
    })

    it('refuses --limit above Duo\'s maximum before sending anything (exit 2)', async () => {
      const before = session.sandbox.requestCount()
      const result = await session.run(['users', 'list', '--limit', '301'])
      expect(result.code).to.equal(2)
      expect(session.sandbox.requestCount()).to.equal(before)
    })
  })

  describe('10,000 users', function () {
    this.timeout(60_000)
    const session = sandboxSession({users: 10_000})

    it('--all --json streams 10,000 distinct users as NDJSON', async () => {
      const result = await session.run(['users', 'list', '--all', '--json'])
      expect(result.code, result.stderr).to.equal(0)
      const lines = result.stdout.trim().split('\n')
      expect(lines).to.have.length(10_000)
      const ids = new Set(lines.map((line) => (JSON.parse(line) as {user_id: string}).user_id))
      expect(ids.size).to.equal(10_000)
    })
  })
})
