// The sandbox as an MSP parent: the Accounts API lists two children, each a tenant of its own on its
// own loopback host, answering only calls signed with the parent's keys that carry its account_id.
// Requests are signed by Duo's official Node signer.
import {expect} from 'chai'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {type RunningChild, type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {officialCall} from '../helpers/official-signer.js'

/** A call to a child's host: the parent's keys, the child's port. */
const toChild = (sandbox: RunningSandbox, child: RunningChild) => ({...sandbox, port: child.port})
const usernames = (body: {response: Array<{username: string}>}) => body.response.map((user) => user.username)

describe('sandbox: MSP child accounts', () => {
  let sandbox: RunningSandbox
  let acme: RunningChild
  let globex: RunningChild
  before(async () => {
    sandbox = await startSandbox()
    ;[acme, globex] = sandbox.children
  })
  after(() => sandbox.close())

  it('lists two children on the parent\'s host: 20-character ids, distinct names, each at its own listener', async () => {
    const answer = await officialCall(sandbox, 'POST', '/accounts/v1/account/list')
    expect(answer.status).to.equal(200)
    const accounts = answer.body.response as Array<{account_id: string; api_hostname: string; name: string}>
    expect(accounts.map((a) => a.name)).to.deep.equal(['Acme Dental', 'Globex Logistics'])
    for (const account of accounts) expect(account.account_id).to.match(/^DA[A-Z0-9]{18}$/)
    expect(accounts.map((a) => a.api_hostname)).to.deep.equal([acme.url, globex.url])
    expect(new Set([sandbox.port, acme.port, globex.port]).size).to.equal(3)
  })

  it('a child\'s host answers with its own users when the call carries its account_id', async () => {
    const fromAcme = await officialCall(toChild(sandbox, acme), 'GET', '/admin/v1/users', {account_id: acme.account_id})
    expect(fromAcme.status).to.equal(200)
    expect(usernames(fromAcme.body)).to.deep.equal(['amelia', 'arjun'])
    const fromGlobex = await officialCall(toChild(sandbox, globex), 'GET', '/admin/v1/users', {account_id: globex.account_id})
    expect(usernames(fromGlobex.body)).to.deep.equal(['gus', 'gwen', 'hank'])
    const fromParent = await officialCall(sandbox, 'GET', '/admin/v1/users', {limit: '3'})
    expect(usernames(fromParent.body)).to.deep.equal(['alice', 'bob', 'carol'])
  })

  it('refuses a call without account_id, or with another child\'s, with 403 / 40301', async () => {
    const before = acme.requestCount()
    const missing = await officialCall(toChild(sandbox, acme), 'GET', '/admin/v1/users')
    expect([missing.status, missing.body.code]).to.deep.equal([403, 40_301])
    expect(missing.body.message).to.equal('Access forbidden')
    const other = await officialCall(toChild(sandbox, acme), 'GET', '/admin/v1/users', {account_id: globex.account_id})
    expect([other.status, other.body.code]).to.deep.equal([403, 40_301])
    expect(acme.requestCount()).to.equal(before + 2)
  })

  it('authenticates a child\'s calls with the parent\'s keys: another secret is 401', async () => {
    const wrong = await officialCall({...toChild(sandbox, acme), skey: 'x'.repeat(40)}, 'GET', '/admin/v1/users', {account_id: acme.account_id})
    expect([wrong.status, wrong.body.code]).to.deep.equal([401, 40_103])
  })

  it('a write on a child\'s host (account_id in the form body) changes that child only', async () => {
    const created = await officialCall(toChild(sandbox, globex), 'POST', '/admin/v1/users', {account_id: globex.account_id, username: 'ivy'})
    expect(created.status).to.equal(200)
    const globexUsers = await officialCall(toChild(sandbox, globex), 'GET', '/admin/v1/users', {account_id: globex.account_id})
    expect(usernames(globexUsers.body)).to.include('ivy')
    for (const [host, params] of [
      [sandbox, {username: 'ivy'}],
      [toChild(sandbox, acme), {account_id: acme.account_id, username: 'ivy'}],
    ] as const) {
      const lookup = await officialCall(host, 'GET', '/admin/v1/users', params)
      expect(lookup.body.response).to.deep.equal([])
    }
  })

  it('serves the Accounts API on the parent\'s host only, and refuses account_id on it', async () => {
    const onChild = await officialCall(toChild(sandbox, acme), 'POST', '/accounts/v1/account/list', {account_id: acme.account_id})
    expect(onChild.status).to.equal(404)
    const withId = await officialCall(sandbox, 'POST', '/accounts/v1/account/list', {account_id: acme.account_id})
    expect([withId.status, withId.body.code]).to.deep.equal([400, 40_002])
  })
})

describe('sandbox: child accounts with the Accounts API withheld (--deny accounts)', () => {
  let sandbox: RunningSandbox
  before(async () => {
    sandbox = await startSandbox({permissions: {accounts: false}})
  })
  after(() => sandbox.close())

  it('refuses the list and every child\'s host with 403 / 40301 naming the Accounts API', async () => {
    const list = await officialCall(sandbox, 'POST', '/accounts/v1/account/list')
    expect([list.status, list.body.code]).to.deep.equal([403, 40_301])
    expect(list.body.message_detail).to.include('Accounts API')
    const [acme] = sandbox.children
    const call = await officialCall({...sandbox, port: acme.port}, 'GET', '/admin/v1/users', {account_id: acme.account_id})
    expect([call.status, call.body.code]).to.deep.equal([403, 40_301])
  })
})

describe('sandbox: child accounts in the state file', () => {
  let dir: string
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'duo-sandbox-children-'))
  })
  after(() => rmSync(dir, {force: true, recursive: true}))

  it('keeps each child\'s changes across a restart, with the same account ids (on new hosts)', async () => {
    const stateFile = join(dir, 'state.json')
    const first = await startSandbox({stateFile})
    const [acme] = first.children
    const created = await officialCall({...first, port: acme.port}, 'POST', '/admin/v1/users', {account_id: acme.account_id, username: 'kept'})
    expect(created.status).to.equal(200)
    const ids = first.children.map((c) => c.account_id)
    await first.close()

    const second = await startSandbox({stateFile})
    try {
      expect(second.children.map((c) => c.account_id)).to.deep.equal(ids)
      const again = second.children[0]
      const users = await officialCall({...second, port: again.port}, 'GET', '/admin/v1/users', {account_id: again.account_id})
      expect(usernames(users.body)).to.deep.equal(['amelia', 'arjun', 'kept'])
    } finally {
      await second.close()
    }
  })
})

describe('sandbox: creating and deleting child accounts (Accounts API)', () => {
  let sandbox: RunningSandbox
  before(async () => {
    sandbox = await startSandbox()
  })
  after(() => sandbox.close())

  it('create: a new empty child at a host of its own, listed next to the others; delete: gone, its host closed', async () => {
    const created = await officialCall(sandbox, 'POST', '/accounts/v1/account/create', {name: 'Initech'})
    expect(created.status).to.equal(200)
    const account = created.body.response as {account_id: string; api_hostname: string; name: string}
    expect(account.name).to.equal('Initech')
    expect(account.account_id).to.match(/^DA[A-Z0-9]{18}$/)
    const listed = await officialCall(sandbox, 'POST', '/accounts/v1/account/list')
    expect(listed.body.response.map((a: {name: string}) => a.name)).to.deep.equal(['Acme Dental', 'Globex Logistics', 'Initech'])
    const initech = sandbox.children.find((child) => child.account_id === account.account_id)!
    expect(initech.url).to.equal(account.api_hostname)
    expect(new Set(sandbox.children.map((child) => child.port)).size).to.equal(3)
    const users = await officialCall({...sandbox, port: initech.port}, 'GET', '/admin/v1/users', {account_id: account.account_id})
    expect([users.status, users.body.response]).to.deep.equal([200, []])

    const deleted = await officialCall(sandbox, 'POST', '/accounts/v1/account/delete', {account_id: account.account_id})
    expect([deleted.status, deleted.body.response]).to.deep.equal([200, ''])
    const after = await officialCall(sandbox, 'POST', '/accounts/v1/account/list')
    expect(after.body.response.map((a: {name: string}) => a.name)).to.deep.equal(['Acme Dental', 'Globex Logistics'])
    const error = await officialCall({...sandbox, port: initech.port}, 'GET', '/admin/v1/users', {account_id: account.account_id}).catch((failure: NodeJS.ErrnoException) => failure)
    expect((error as NodeJS.ErrnoException).code).to.equal('ECONNREFUSED')
  })

  it('creates sent at once each get a host of their own', async () => {
    const created = await Promise.all(['One', 'Two', 'Three', 'Four'].map((name) => officialCall(sandbox, 'POST', '/accounts/v1/account/create', {name})))
    expect(created.map((answer) => answer.status)).to.deep.equal([200, 200, 200, 200])
    const hosts = created.map((answer) => answer.body.response.api_hostname as string)
    expect(new Set(hosts).size).to.equal(4)
    for (const answer of created) {
      const {account_id} = answer.body.response as {account_id: string}
      const child = sandbox.children.find((c) => c.account_id === account_id)!
      expect(child.url).to.equal(answer.body.response.api_hostname)
      expect((await officialCall({...sandbox, port: child.port}, 'GET', '/admin/v1/users', {account_id})).status).to.equal(200)
      await officialCall(sandbox, 'POST', '/accounts/v1/account/delete', {account_id})
    }
  })

  it('refuses a create without a name (400) and a delete of an account that is not a child (404)', async () => {
    const nameless = await officialCall(sandbox, 'POST', '/accounts/v1/account/create')
    expect(nameless.status).to.equal(400)
    const unknown = await officialCall(sandbox, 'POST', '/accounts/v1/account/delete', {account_id: 'DA0000000000000GONE0'})
    expect([unknown.status, unknown.body.code]).to.deep.equal([404, 40_401])
  })
})

describe('sandbox: a child created by one process is served by another on the same state file', () => {
  let dir: string
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'duo-sandbox-children-shared-'))
  })
  after(() => rmSync(dir, {force: true, recursive: true}))

  it('lists it at its own host there, which answers for it', async () => {
    const stateFile = join(dir, 'state.json')
    const [one, two] = [await startSandbox({stateFile}), await startSandbox({stateFile})]
    try {
      const created = await officialCall(one, 'POST', '/accounts/v1/account/create', {name: 'Umbrella'})
      const {account_id} = created.body.response as {account_id: string}
      const listed = await officialCall(two, 'POST', '/accounts/v1/account/list')
      const there = (listed.body.response as Array<{account_id: string; api_hostname: string}>).find((a) => a.account_id === account_id)!
      const child = two.children.find((c) => c.account_id === account_id)!
      expect(there.api_hostname).to.equal(child.url)
      const answer = await officialCall({...two, port: child.port}, 'POST', '/admin/v1/users', {account_id, username: 'wesker'})
      expect(answer.status).to.equal(200)
      // Lists answered together after another process's change agree on the new child's host.
      const again = await officialCall(one, 'POST', '/accounts/v1/account/create', {name: 'Tyrell'})
      const lists = await Promise.all([1, 2, 3].map(() => officialCall(two, 'POST', '/accounts/v1/account/list')))
      const tyrell = lists.map((list) => (list.body.response as Array<{account_id: string; api_hostname: string}>).find((a) => a.account_id === again.body.response.account_id)!.api_hostname)
      expect(new Set(tyrell).size).to.equal(1)
    } finally {
      await Promise.all([one.close(), two.close()])
    }
  })
})

describe('sandbox: a child account\'s billing', () => {
  let sandbox: RunningSandbox
  before(async () => {
    sandbox = await startSandbox()
  })
  after(() => sandbox.close())

  it('each child\'s host answers its edition and telephony credits; the parent\'s host refuses (40002)', async () => {
    const [acme, globex] = sandbox.children
    const answers = await Promise.all(
      [acme, globex].flatMap((child) =>
        ['/admin/v1/billing/edition', '/admin/v1/billing/telephony_credits'].map((path) => officialCall({...sandbox, port: child.port}, 'GET', path, {account_id: child.account_id})),
      ),
    )
    expect(answers.map((answer) => answer.body.response)).to.deep.equal([{edition: 'PLATFORM'}, {credits: 500}, {edition: 'ENTERPRISE'}, {credits: 1200}])
    const onParent = await officialCall(sandbox, 'GET', '/admin/v1/billing/edition')
    expect([onParent.status, onParent.body.code]).to.deep.equal([400, 40_002])
  })
})
