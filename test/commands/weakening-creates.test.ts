// Creating a user or group with status bypass or disabled weakens security as much as changing one
// to it: users create, groups create, and the files of users import and bulk ask first (a file once,
// naming how many rows weaken security), and without a terminal need --yes. Built CLI, sandbox.
import {expect} from 'chai'
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {runCli} from '../helpers/cli.js'
import {sandboxSession} from '../helpers/sandbox-session.js'

type Row = Record<string, unknown>

describe('creating with status bypass or disabled is confirmed (built CLI, sandbox)', function () {
  this.timeout(90_000)
  const duo = sandboxSession()
  const dir = mkdtempSync(join(tmpdir(), 'duo-weakening-'))
  const file = (name: string, text: string) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }

  const users = (username: string) => duo.json<Row[]>(['users', 'list', '--username', username])

  for (const [args, question] of [
    [['users', 'create', '--username', 'kiosk1', '--status', 'bypass'], 'Create kiosk1 with status bypass? They will log in without two-factor authentication.'],
    [['users', 'create', '--username', 'kiosk1', '--status', 'disabled', '--json'], 'Create kiosk1 with status disabled? They will not be able to log in.'],
    [['groups', 'create', '--name', 'Kiosks', '--status', 'bypass'], 'Create group Kiosks with status bypass? Its members will log in without two-factor authentication.'],
    [['groups', 'create', '--name', 'Kiosks', '--status', 'disabled'], 'Create group Kiosks with status disabled? Its members will be denied access.'],
  ] as const) {
    it(`duo ${args.join(' ')} without a terminal or --yes: exit 2, one line, nothing sent`, async () => {
      const before = duo.sandbox.requestCount()
      const result = await duo.run([...args])
      expect(result.code, result.stderr).to.equal(2)
      if ((args as readonly string[]).includes('--json')) {
        expect(JSON.parse(result.stderr).error).to.include({exitCode: 2, hint: 'Pass --yes to confirm.', message: `Refusing to continue without confirmation: ${question}`})
      } else {
        expect(result.stderr).to.equal(`Error: Refusing to continue without confirmation: ${question}\nHint: Pass --yes to confirm.\n`)
      }

      expect(result.stdout).to.equal('')
      expect(duo.sandbox.requestCount(), 'nothing was sent').to.equal(before)
    })
  }

  it('with --yes the user and the group are created with that status; active does not ask', async () => {
    expect(await users('kiosk1')).to.deep.equal([])
    expect(await duo.json<Row>(['users', 'create', '--username', 'kiosk1', '--status', 'bypass', '--yes'])).to.include({status: 'bypass', username: 'kiosk1'})
    expect(await duo.json<Row>(['users', 'create', '--username', 'kiosk2', '--status', 'disabled', '--yes'])).to.include({status: 'disabled', username: 'kiosk2'})
    expect(await duo.json<Row>(['users', 'create', '--username', 'kiosk3', '--status', 'active'])).to.include({status: 'active', username: 'kiosk3'})
    expect(await duo.json<Row>(['groups', 'create', '--name', 'Kiosks', '--status', 'bypass', '--yes'])).to.include({name: 'Kiosks', status: 'bypass'})
    const groups = await duo.json<Row[]>(['groups', 'list'])
    expect(groups.filter((g) => g.name === 'Kiosks').map((g) => g.status)).to.deep.equal(['bypass'])
  })

  it('users import: rows that weaken security are counted in one question before anything is sent; --yes imports them', async () => {
    const csv = file('weak.csv', 'username,status\nimp1,bypass\nimp2,active\nimp3,Bypass\nimp4,\nimp5,disabled\n')
    const json = file('weak.json', JSON.stringify([{status: 'disabled', username: 'imj1'}, {username: 'imj2'}]))
    const before = duo.sandbox.requestCount()
    const [refused, refusedJson, dry] = await Promise.all([
      duo.run(['users', 'import', csv]),
      duo.run(['users', 'import', json, '--json']),
      duo.run(['users', 'import', csv, '--dry-run']),
    ])
    expect(refused.code, refused.stderr).to.equal(2)
    expect(refused.stderr).to.equal(
      `Error: Refusing to continue without confirmation: ${csv}: 2 rows set status bypass (two-factor authentication is skipped) and 1 row sets status disabled (every login is denied). Continue?\nHint: Pass --yes to confirm.\n`,
    )
    expect(refusedJson.code).to.equal(2)
    expect(JSON.parse(refusedJson.stderr).error.message).to.contain(`${json}: 1 row sets status disabled (every login is denied). Continue?`)
    // A dry run asks nothing and says what a real run will ask about.
    expect(dry.code, dry.stderr).to.equal(0)
    expect(dry.stderr).to.contain('Dry run: 5 users in 1 batch; 2 rows set status bypass (two-factor authentication is skipped) and 1 row sets status disabled (every login is denied), asked about before a real run; nothing was sent.')
    expect(duo.sandbox.requestCount(), 'nothing was sent').to.equal(before)
    expect(await users('imp1')).to.deep.equal([])
    expect(existsSync(`${csv}.duo-import.json`), 'no journal is left behind').to.equal(false)

    const imported = await duo.run(['users', 'import', csv, '--yes', '--json'])
    expect(imported.code, imported.stderr).to.equal(0)
    const summary = JSON.parse(imported.stdout) as {created: number; users: Row[]}
    expect(summary.created).to.equal(5)
    expect(summary.users.map((u) => [u.username, u.status])).to.deep.equal([['imp1', 'bypass'], ['imp2', 'active'], ['imp3', 'bypass'], ['imp4', 'active'], ['imp5', 'disabled']])
    // A file that weakens nothing does not ask.
    const plain = await duo.run(['users', 'import', file('plain.csv', 'username,status\nplain1,active\n')])
    expect(plain.code, plain.stderr).to.equal(0)
  })

  it('users import from standard input names it in the question', async () => {
    const {ikey, skey, url} = duo.sandbox
    const before = duo.sandbox.requestCount()
    const refused = await runCli(['users', 'import', '-'], {env: {DUO_HOST: url, DUO_IKEY: ikey, DUO_SKEY: skey}, input: 'username,status\npiped1,bypass\n'})
    expect(refused.code, refused.stderr).to.equal(2)
    expect(refused.stderr).to.contain('confirmation: standard input: 1 row sets status bypass (two-factor authentication is skipped). Continue?')
    expect(duo.sandbox.requestCount()).to.equal(before)
  })

  it('bulk: the one question also counts the operations that set status bypass or disabled; --yes runs them', async () => {
    const [grace] = await users('grace')
    const operations = [
      {body: {status: 'bypass', username: 'bulkweak1'}, method: 'POST', path: '/admin/v1/users'},
      {body: {status: 'BYPASS'}, method: 'POST', path: `/admin/v1/users/${String(grace.user_id)}`},
      {body: {status: 'disabled', username: 'bulkweak2'}, method: 'POST', path: '/admin/v1/users'},
      {body: {username: 'bulkweak3'}, method: 'POST', path: '/admin/v1/users'},
    ]
    const path = file('ops.json', JSON.stringify({operations}))
    const before = duo.sandbox.requestCount()
    const refused = await duo.run(['bulk', path])
    expect(refused.code, refused.stderr).to.equal(2)
    expect(refused.stderr).to.equal(
      `Error: Refusing to continue without confirmation: Run the 4 operations in ${path} against Duo, creating or changing users and memberships? 2 operations set status bypass (two-factor authentication is skipped) and 1 operation sets status disabled (every login is denied).\nHint: Pass --yes to confirm.\n`,
    )
    expect(duo.sandbox.requestCount(), 'nothing was sent').to.equal(before)
    expect(await users('bulkweak1')).to.deep.equal([])

    const results = await duo.json<Row[]>(['bulk', path, '--yes'])
    expect(results.map((r) => r.stat)).to.deep.equal(['OK', 'OK', 'OK', 'OK'])
    const [weak1, graceNow, weak2] = await Promise.all([users('bulkweak1'), users('grace'), users('bulkweak2')])
    expect([weak1[0].status, graceNow[0].status, weak2[0].status]).to.deep.equal(['bypass', 'bypass', 'disabled'])
  })
})
