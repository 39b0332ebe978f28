import {expect} from 'chai'
import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process'
import {once} from 'node:events'

import {startSandbox} from '../../src/sandbox/server.js'
import {BIN, runCli, runInProcess, tempConfigDir} from '../helpers/cli.js'

interface Announced {
  url: string
  host: string
  ikey: string
  skey: string
}

/** `duo sandbox start --json` as a user runs it: a child process that prints one JSON line. */
async function startSandboxCli(args: string[] = []): Promise<{child: ChildProcessWithoutNullStreams; info: Announced}> {
  const child = spawn(process.execPath, [BIN, 'sandbox', 'start', '--port', '0', '--json', ...args], {
    env: {...process.env, DUO_CONFIG_DIR: tempConfigDir()},
  })
  let buffer = ''
  for await (const chunk of child.stdout) {
    buffer += chunk
    if (buffer.includes('\n')) break
  }

  return {child, info: JSON.parse(buffer.split('\n')[0])}
}

describe('duo sandbox start + duo api: every catalog operation over real HTTP', function () {
  this.timeout(120_000)
  let child: ChildProcessWithoutNullStreams
  let env: Record<string, string>
  const ids: Record<string, string> = {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Duo's JSON, read field by field in assertions
  async function api(method: string, path: string, ...params: string[]): Promise<{response: any; stat: string}> {
    const result = await runCli(['api', method, path, ...params], {env})
    expect(result.code, `${method} ${path}: ${result.stderr}`).to.equal(0)
    return JSON.parse(result.stdout)
  }

  before(async () => {
    const started = await startSandboxCli()
    child = started.child
    expect(started.info.url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(started.info.ikey).to.match(/^DI[0-9A-Z]{18}$/)
    env = {DUO_HOST: started.info.host, DUO_IKEY: started.info.ikey, DUO_SKEY: started.info.skey}
  })

  after(async () => {
    child.kill('SIGTERM')
    const [code] = await once(child, 'exit')
    expect(code, 'stops cleanly on SIGTERM').to.equal(0)
  })

  it('users: list, get, create, update, bulk create, trash, restore, delete, enroll', async () => {
    const users = (await api('GET', '/admin/v1/users')).response
    expect(users.map((u: {username: string}) => u.username)).to.include.members(['alice', 'bob', 'dave'])
    ids.alice = users.find((u: {username: string}) => u.username === 'alice').user_id
    ids.dave = users.find((u: {username: string}) => u.username === 'dave').user_id
    ids.carol = users.find((u: {username: string}) => u.username === 'carol').user_id
    ids.erin = users.find((u: {username: string}) => u.username === 'erin').user_id

    const alice = (await api('GET', `/admin/v1/users/${ids.alice}`)).response
    expect(alice.username).to.equal('alice')
    ids.phone = alice.phones[0].phone_id

    const zed = (await api('POST', '/admin/v1/users', '-p', 'username=zed', '-p', 'realname=Zed Zulu')).response
    expect(zed).to.include({realname: 'Zed Zulu', status: 'active', username: 'zed'})
    expect((await api('POST', `/admin/v1/users/${zed.user_id}`, '-p', 'email=zed@example.com')).response.email).to.equal('zed@example.com')

    const bulk = (await api('POST', '/admin/v1/users/bulk_create', '-p', 'users=[{"username":"bulk1"},{"username":"bulk2"}]')).response
    expect(bulk.map((u: {username: string}) => u.username)).to.deep.equal(['bulk1', 'bulk2'])
    const list = `user_id_list=${JSON.stringify([bulk[0].user_id])}`
    await api('POST', '/admin/v1/users/bulk_send_to_trash', '-p', list)
    expect((await api('GET', `/admin/v1/users/${bulk[0].user_id}`)).response.status).to.equal('pending deletion')
    await api('POST', '/admin/v1/users/bulk_restore', '-p', list)
    expect((await api('GET', `/admin/v1/users/${bulk[0].user_id}`)).response.status).to.equal('active')

    expect((await api('DELETE', `/admin/v1/users/${zed.user_id}`)).response).to.equal('')
    const gone = await runCli(['api', 'GET', `/admin/v1/users/${zed.user_id}`], {env})
    expect(gone.code).to.equal(4)
    expect(gone.stderr).to.contain('(40401)')

    expect((await api('POST', '/admin/v1/users/enroll', '-p', 'username=newbie', '-p', 'email=newbie@example.com')).stat).to.equal('OK')
    expect((await api('GET', '/admin/v1/users', '-p', 'username=newbie')).response).to.have.length(1)
  })

  it('bypass codes, groups, phones, tokens, WebAuthn, desktop authenticators', async () => {
    expect((await api('GET', `/admin/v1/users/${ids.erin}/bypass_codes`)).response).to.have.length(2)
    const codes = (await api('POST', `/admin/v1/users/${ids.alice}/bypass_codes`, '-p', 'count=3')).response
    expect(codes).to.have.length(3)
    expect(codes.every((c: string) => /^\d{9}$/.test(c))).to.equal(true)

    expect((await api('GET', `/admin/v1/users/${ids.alice}/groups`)).response.map((g: {name: string}) => g.name)).to.deep.equal(['Engineering'])
    const groups = (await api('GET', '/admin/v1/groups')).response
    ids.helpdesk = groups.find((g: {name: string}) => g.name === 'Helpdesk').group_id
    ids.engineering = groups.find((g: {name: string}) => g.name === 'Engineering').group_id
    await api('POST', `/admin/v1/users/${ids.alice}/groups`, '-p', `group_id=${ids.helpdesk}`)
    expect((await api('GET', `/admin/v1/users/${ids.alice}/groups`)).response).to.have.length(2)
    await api('DELETE', `/admin/v1/users/${ids.alice}/groups/${ids.helpdesk}`)
    expect((await api('GET', `/admin/v1/users/${ids.alice}/groups`)).response).to.have.length(1)

    expect((await api('GET', `/admin/v1/users/${ids.alice}/phones`)).response[0].phone_id).to.equal(ids.phone)
    await api('DELETE', `/admin/v1/users/${ids.alice}/phones/${ids.phone}`)
    expect((await api('GET', `/admin/v1/users/${ids.alice}/phones`)).response).to.deep.equal([])
    await api('POST', `/admin/v1/users/${ids.alice}/phones`, '-p', `phone_id=${ids.phone}`)
    expect((await api('GET', `/admin/v1/users/${ids.alice}/phones`)).response).to.have.length(1)

    const token = (await api('GET', `/admin/v1/users/${ids.dave}/tokens`)).response[0].token_id
    expect(token).to.match(/^DH/)
    await api('DELETE', `/admin/v1/users/${ids.dave}/tokens/${token}`)
    expect((await api('GET', `/admin/v1/users/${ids.dave}/tokens`)).response).to.deep.equal([])
    await api('POST', `/admin/v1/users/${ids.dave}/tokens`, '-p', `token_id=${token}`)
    expect((await api('GET', `/admin/v1/users/${ids.dave}/tokens`)).response).to.have.length(1)

    expect((await api('GET', `/admin/v1/users/${ids.alice}/webauthncredentials`)).response).to.have.length(1)
    expect((await api('GET', `/admin/v1/users/${ids.carol}/desktopauthenticators`)).response[0].device_name).to.equal('CAROL-MBP')
  })

  it('directory sync, verification push, groups v1/v2 and bulk operations', async () => {
    const [directory] = (await api('GET', '/admin/v1/users/directorysync')).response
    const synced = (await api('POST', `/admin/v1/users/directorysync/${directory.directory_key}/syncuser`, '-p', 'username=synced')).response
    expect(synced.username).to.equal('synced')

    const push = (await api('POST', `/admin/v1/users/${ids.alice}/send_verification_push`, '-p', `phone_id=${ids.phone}`)).response
    expect(push.confirmation_code).to.match(/^\d{6}$/)
    const answer = (await api('GET', `/admin/v1/users/${ids.alice}/verification_push_response`, '-p', `push_id=${push.push_id}`)).response
    expect(answer.push_id).to.equal(push.push_id)
    expect(answer.result).to.be.oneOf(['waiting', 'approve'])

    const group = (await api('POST', '/admin/v1/groups', '-p', 'name=Auditors', '-p', 'desc=Read-only reviewers')).response
    expect(group).to.include({desc: 'Read-only reviewers', name: 'Auditors'})
    expect((await api('POST', `/admin/v1/groups/${group.group_id}`, '-p', 'status=disabled')).response.status).to.equal('disabled')
    expect((await api('GET', `/admin/v2/groups/${group.group_id}`)).response.name).to.equal('Auditors')
    const members = (await api('GET', `/admin/v2/groups/${ids.engineering}/users`)).response
    expect(members.map((m: {username: string}) => m.username)).to.include('alice')

    const ops = [{body: {username: 'viabulk'}, method: 'POST', path: '/admin/v1/users'}]
    const results = (await api('POST', '/admin/v1/bulk', '-F', `operations=${JSON.stringify(ops)}`)).response
    expect(results).to.have.length(1)
    expect(results[0].stat).to.equal('OK')
    expect((await api('GET', '/admin/v1/users', '-p', 'username=viabulk')).response).to.have.length(1)
  })
})

describe('duo sandbox start: options', () => {
  it('refuses a bad --rate-limit with exit 2', async () => {
    const result = await runCli(['sandbox', 'start', '--port', '0', '--rate-limit', 'lots'])
    expect(result.code).to.equal(2)
    expect(result.stderr).to.contain('--rate-limit')
  })
})

describe('rate limit: 100 creations through the CLI all complete thanks to backoff', function () {
  this.timeout(120_000)

  it('creates 100 users, each exactly once, though the sandbox answers 429 past 25 requests per 300 ms', async () => {
    const sandbox = await startSandbox({rateLimit: {requests: 25, windowMs: 300}})
    const env = {DUO_HOST: sandbox.host, DUO_IKEY: sandbox.ikey, DUO_SKEY: sandbox.skey}
    Object.assign(process.env, env)
    try {
      const usernames = Array.from({length: 100}, (_, i) => `burst${String(i).padStart(3, '0')}`)
      // One command per user, as a script would run them (in-process: 100 child processes would
      // cost a minute on this machine; the command code is the same).
      for (const username of usernames) {
        const result = await runInProcess(['api', 'POST', '/admin/v1/users', '-p', `username=${username}`])
        expect(result.exitCode, result.stderr).to.equal(0)
      }

      const listed = await runInProcess(['api', 'GET', '/admin/v1/users', '--all'])
      const names = (JSON.parse(listed.stdout) as Array<{username: string}>).map((u) => u.username).filter((n) => n.startsWith('burst'))
      expect(names.sort()).to.deep.equal(usernames)
      expect(sandbox.requestCount(), 'some requests were refused and retried').to.be.greaterThan(101)
    } finally {
      for (const key of Object.keys(env)) delete process.env[key]
      await sandbox.close()
    }
  })
})
