// duo users get|create|update|delete|enroll|trash|restore, run as built against a sandbox: each
// change is checked in the sandbox's data, in human and --json form.
import {expect} from 'chai'

import type {DuoUser} from '../../src/core/duo-objects.js'
import {invoke} from '../../src/core/invoke.js'
import {sandboxSession} from '../helpers/sandbox-session.js'
import {clientFor} from '../sandbox/helpers.js'

type Target = {user: string; user_id: string}

describe('duo users get|create|update|delete|enroll|trash|restore (built CLI, sandbox)', function () {
  // Several runs of the built CLI each: generous, for machines busy with other test runs.
  this.timeout(60_000)

  const session = sandboxSession()

  /** The sandbox's own view of a user (undefined when there is none). */
  async function stored(username: string): Promise<DuoUser | undefined> {
    const client = clientFor(session.sandbox)
    try {
      return (await invoke<DuoUser[]>(client, 'listusers', {username})).response[0]
    } finally {
      client.close()
    }
  }

  it('get: a record for people by username, Duo\'s whole object with --json by id; no USER without a terminal is exit 2', async () => {
    const alice = (await stored('alice'))!
    const [human, json, none] = await Promise.all([
      session.run(['users', 'get', 'alice']),
      session.json<DuoUser>(['users', 'get', alice.user_id]),
      session.run(['users', 'get']),
    ])
    expect(human.code, human.stderr).to.equal(0)
    expect(human.stdout).to.match(/^username\s+alice$/m)
    expect(human.stdout).to.match(new RegExp(`^user_id\\s+${alice.user_id}$`, 'm'))
    expect(human.stdout).to.match(/^groups\s+Engineering$/m)
    expect(human.stdout).to.match(/^created\s+2024-01-02 00:00Z$/m)
    expect(json).to.deep.equal(alice)
    expect(none.code).to.equal(2)
    expect(none.stderr).to.contain('Missing USER')
    expect(none.stdout).to.equal('')
  })

  it('get by username: one request, and the same whole object as get by id', async () => {
    const alice = (await stored('alice'))!
    const before = session.sandbox.requestCount()
    const byName = await session.json<DuoUser>(['users', 'get', 'alice'])
    expect(session.sandbox.requestCount() - before).to.equal(1)
    // Into a pipe, --json is plain JSON.stringify with two-space indents: what jq and scripts expect.
    expect((await session.run(['users', 'get', 'alice', '--json'])).stdout).to.equal(JSON.stringify(byName, null, 2) + '\n')
    expect(byName).to.deep.equal(await session.json<DuoUser>(['users', 'get', alice.user_id]))
    const missing = await session.run(['users', 'get', 'nobody-here'])
    expect(missing.code).to.equal(4)
    expect(missing.stderr).to.contain('No user named "nobody-here"')
  })

  it('create: every user field as a flag; --username is required without a terminal', async () => {
    const [human, json, missing, badStatus] = await Promise.all([
      session.run(['users', 'create', '--username', 'ian', '--realname', 'Ian Petrov', '--email', 'ian@example.com', '--status', 'disabled', '--yes']),
      session.json<DuoUser>(['users', 'create', '--username', 'judy', '--firstname', 'Judy', '--lastname', 'Hopps', '--notes', 'temp',
        '--aliases', 'alias1=jhopps&alias2=judy.h', '--enable-auto-prompt']),
      session.run(['users', 'create', '--realname', 'Nobody']),
      session.run(['users', 'create', '--username', 'x', '--status', 'sleeping']),
    ])
    expect(human.code, human.stderr).to.equal(0)
    expect(human.stdout).to.match(/^username\s+ian$/m)
    expect(human.stderr).to.match(/Created user ian \(DU[0-9A-Z]{18}\)\./)
    expect(await stored('ian')).to.include({email: 'ian@example.com', realname: 'Ian Petrov', status: 'disabled'})

    expect(json).to.include({enable_auto_prompt: true, firstname: 'Judy', lastname: 'Hopps', notes: 'temp', status: 'active', username: 'judy'})
    expect(json.aliases).to.deep.equal({alias1: 'jhopps', alias2: 'judy.h'})
    expect((await stored('jhopps'))?.user_id).to.equal(json.user_id)

    expect(missing.code).to.equal(2)
    expect(missing.stderr).to.contain('Missing --username')
    expect(await stored('Nobody')).to.equal(undefined)
    expect(badStatus.code).to.equal(2)
    expect(badStatus.stderr).to.match(/active, bypass, disabled/)
  })

  it('update: changes only what is given, renames with --username, and refuses to run with nothing to change', async () => {
    const human = await session.run(['users', 'update', 'carol', '--status', 'bypass', '--notes', 'on leave', '--yes'])
    expect(human.code, human.stderr).to.equal(0)
    expect(human.stdout).to.match(/^status\s+bypass$/m)
    expect(await stored('carol')).to.include({email: 'carol@example.com', notes: 'on leave', realname: 'Carol Nguyen', status: 'bypass'})

    const carolId = (await stored('carol'))!.user_id
    const renamed = await session.json<DuoUser>(['users', 'update', carolId, '--username', 'caroline', '--no-enable-auto-prompt'])
    expect(renamed).to.include({enable_auto_prompt: false, user_id: carolId, username: 'caroline'})
    expect(await stored('carol')).to.equal(undefined)

    const before = session.sandbox.requestCount()
    const nothing = await session.run(['users', 'update', 'caroline'])
    expect(nothing.code).to.equal(2)
    expect(nothing.stderr).to.contain('Nothing to change')
    expect(session.sandbox.requestCount()).to.equal(before)
  })

  it('delete: without a terminal and without --yes it is exit 2 and nothing is sent; with --yes the user is gone', async () => {
    const before = session.sandbox.requestCount()
    const refused = await session.run(['users', 'delete', 'alice'])
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.contain('--yes')
    expect(session.sandbox.requestCount()).to.equal(before)
    expect(await stored('alice')).to.not.equal(undefined)

    const heidiId = (await stored('heidi'))!.user_id
    const [human, json] = await Promise.all([
      session.run(['users', 'delete', 'alice', '--yes']),
      session.json<Target>(['users', 'delete', heidiId, '--yes']),
    ])
    expect(human.code, human.stderr).to.equal(0)
    expect(human.stderr).to.match(/Deleted user alice \(DU[0-9A-Z]{18}\)\./)
    expect(human.stdout).to.equal('')
    expect(json).to.deep.equal({user: heidiId, user_id: heidiId})
    expect(await stored('alice')).to.equal(undefined)
    expect(await stored('heidi')).to.equal(undefined)
  })

  it('enroll: confirmed unless --yes (it e-mails a person); creates the user with that address', async () => {
    const before = session.sandbox.requestCount()
    const refused = await session.run(['users', 'enroll', '--username', 'kim', '--email', 'kim@example.com'])
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.contain('E-mail an enrollment link for kim to kim@example.com?')
    expect(session.sandbox.requestCount()).to.equal(before)

    const [human, json] = await Promise.all([
      session.run(['users', 'enroll', '--username', 'kim', '--email', 'kim@example.com', '--yes']),
      session.json(['users', 'enroll', '--username', 'lee', '--email', 'lee@example.com', '--valid-secs', '3600', '--yes']),
    ])
    expect(human.code, human.stderr).to.equal(0)
    expect(human.stderr).to.contain('Sent an enrollment e-mail for kim to kim@example.com.')
    expect(json).to.deep.equal({email: 'lee@example.com', username: 'lee', valid_secs: 3600})
    expect(await stored('kim')).to.include({email: 'kim@example.com'})
    expect(await stored('lee')).to.include({email: 'lee@example.com'})
  })

  it('trash and restore: every name resolved first, confirmed with the count, then restored to active', async () => {
    const before = session.sandbox.requestCount()
    const refused = await session.run(['users', 'trash', 'bob', 'dave', 'erin'])
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.contain('Send 3 users to the Trash? They lose access at once')
    expect(session.sandbox.requestCount()).to.equal(before)

    const typo = await session.run(['users', 'trash', 'bob', 'nobody', '--yes'])
    expect(typo.code).to.equal(4)
    expect((await stored('bob'))!.status).to.equal('active')

    const human = await session.run(['users', 'trash', 'bob', 'dave', '--yes'])
    expect(human.code, human.stderr).to.equal(0)
    expect(human.stdout).to.match(/^bob\s+DU[0-9A-Z]{18}$/m)
    expect(human.stderr).to.contain('Sent 2 users to the Trash')
    const erinId = (await stored('erin'))!.user_id
    const json = await session.json<Target[]>(['users', 'trash', erinId, 'erin', '--yes'])
    expect(json).to.deep.equal([{user: erinId, user_id: erinId}])
    for (const name of ['bob', 'dave', 'erin']) expect((await stored(name))!.status, name).to.equal('pending deletion')

    const restoredHuman = await session.run(['users', 'restore', 'bob'])
    expect(restoredHuman.code, restoredHuman.stderr).to.equal(0)
    expect(restoredHuman.stderr).to.contain('Restored 1 user from the Trash.')
    const restored = await session.json<Target[]>(['users', 'restore', 'dave', 'erin'])
    expect(restored.map((t) => t.user)).to.deep.equal(['dave', 'erin'])
    for (const name of ['bob', 'dave', 'erin']) expect((await stored(name))!.status, name).to.equal('active')
  })
})

describe('duo users trash|restore in batches (built CLI, sandbox of 150 users)', function () {
  this.timeout(60_000)

  const session = sandboxSession({users: 150})

  it('sends 150 ids in two calls of at most 100, and restores them the same way', async () => {
    const client = clientFor(session.sandbox)
    const ids = (await invoke<DuoUser[]>(client, 'listusers', {limit: 300})).response.map((u) => u.user_id)
    expect(ids).to.have.length(150)
    const statuses = async () => new Set((await invoke<DuoUser[]>(client, 'listusers', {limit: 300})).response.map((u) => u.status))

    let before = session.sandbox.requestCount()
    const trashed = await session.json<Target[]>(['users', 'trash', ...ids, '--yes'])
    expect(session.sandbox.requestCount() - before).to.equal(2)
    expect(trashed.map((t) => t.user_id)).to.deep.equal(ids)
    expect(await statuses()).to.deep.equal(new Set(['pending deletion']))

    before = session.sandbox.requestCount()
    await session.json(['users', 'restore', ...ids])
    expect(session.sandbox.requestCount() - before).to.equal(2)
    expect([...(await statuses())].includes('pending deletion')).to.equal(false)
    client.close()
  })
})
