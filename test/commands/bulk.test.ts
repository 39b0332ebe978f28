import {expect} from 'chai'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {sandboxSession} from '../helpers/sandbox-session.js'

type Row = Record<string, unknown>

const dir = mkdtempSync(join(tmpdir(), 'duo-bulk-test-'))
let files = 0
function bulkFile(content: unknown): string {
  const file = join(dir, `ops-${++files}.json`)
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}

const create = (username: string) => ({body: {username}, method: 'POST', path: '/admin/v1/users'})

describe('duo bulk (built CLI, sandbox)', function () {
  // Each test runs the CLI several times; a busy machine makes that slow.
  this.timeout(90_000)
  const duo = sandboxSession()

  it('runs a file of operations, one line each, and exits 1 when any failed', async () => {
    const [[heidi], groups] = await Promise.all([duo.json<Row[]>(['users', 'list', '--username', 'heidi']), duo.json<Row[]>(['groups', 'list'])])
    const helpdesk = groups.find((g) => g.name === 'Helpdesk')!
    const file = bulkFile({
      operations: [
        create('bulk1'),
        create('alice'),
        {body: {group_id: helpdesk.group_id}, method: 'POST', path: `/admin/v1/users/${heidi.user_id}/groups`},
        {body: {realname: 'Heidi B.'}, method: 'POST', path: `/admin/v1/users/${heidi.user_id}`},
      ],
    })
    const result = await duo.run(['bulk', file, '--yes'])
    expect(result.code).to.equal(1)
    const lines = result.stdout.trim().split('\n')
    expect(lines).to.have.length(4)
    expect(lines[0]).to.match(/^1 {2}OK {4}POST \/admin\/v1\/users$/)
    expect(lines[1]).to.match(/^2 {2}FAIL {2}POST \/admin\/v1\/users {2}40002 Invalid request parameters: .*alice/)
    expect(lines[2]).to.match(/^3 {2}OK/)
    expect(lines[3]).to.match(/^4 {2}OK/)
    expect(result.stderr).to.contain('1 of 4 operations failed.')

    const [bulk1, heidiGroups, [heidiNow]] = await Promise.all([
      duo.json<Row[]>(['users', 'list', '--username', 'bulk1']),
      duo.json<Row[]>(['users', 'groups', 'list', 'heidi']),
      duo.json<Row[]>(['users', 'list', '--username', 'heidi']),
    ])
    expect(bulk1).to.have.length(1)
    expect(heidiGroups.map((g) => g.name)).to.include('Helpdesk')
    expect(heidiNow).to.include({realname: 'Heidi B.'})

    // A repeated create is refused before anything is sent (issue 13), not half applied.
    const json = await duo.run(['bulk', bulkFile([create('bulk2'), create('bulk2')]), '--yes', '--json'])
    expect(json.code).to.equal(2)
    expect(json.stderr).to.contain('repeats operation 1')
    expect(await duo.json<Row[]>(['users', 'list', '--username', 'bulk2'])).to.deep.equal([])

    const [created] = await duo.json<Row[]>(['bulk', bulkFile([create('bulk3')]), '--yes'])
    expect(created.stat).to.equal('OK')
    expect(created.response).to.include({username: 'bulk3'})
  })

  it('sends more than 50 operations in calls of 50', async () => {
    const file = bulkFile(Array.from({length: 120}, (_, i) => create(`many${i}`)))
    const dry = await duo.run(['bulk', file, '--dry-run'])
    expect(dry.stdout.trim().split('\n')).to.have.length(120)
    expect(dry.stderr).to.contain('120 operations in 3 call(s)')

    const before = duo.sandbox.requestCount()
    const results = await duo.json<Row[]>(['bulk', file, '--yes'])
    expect(results).to.have.length(120)
    expect(results.every((r) => r.stat === 'OK')).to.equal(true)
    expect(duo.sandbox.requestCount() - before).to.equal(3)
  })

  it('checks the whole file and asks for confirmation, saying what deletes, before sending anything', async () => {
    const [grace] = await duo.json<Row[]>(['users', 'list', '--username', 'grace'])
    const deletion = bulkFile({operations: [create('bulk4'), {method: 'DELETE', path: `/admin/v1/users/${grace.user_id}`}]})
    const before = duo.sandbox.requestCount()
    const [refused, refusedCreate, dry, invalid, empty, missing, notJson] = await Promise.all([
      duo.run(['bulk', deletion]),
      duo.run(['bulk', bulkFile([create('bulk5')])]),
      duo.run(['bulk', deletion, '--dry-run', '--json']),
      duo.run(['bulk', bulkFile([create('ok'), {method: 'POST'}])]),
      duo.run(['bulk', bulkFile({operations: []})]),
      duo.run(['bulk', join(dir, 'nope.json')]),
      duo.run(['bulk', bulkFile('{"operations": [')]),
    ])
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.contain('Run the 2 operations in').and.contain('including 1 deletion of users').and.contain('--yes')
    expect(refusedCreate.code).to.equal(2)
    expect(refusedCreate.stderr).to.contain('creating or changing users')
    expect(dry.code).to.equal(0)
    expect(JSON.parse(dry.stdout)).to.have.length(2)
    expect(invalid.code).to.equal(2)
    expect(invalid.stderr).to.contain('operation 2 must be an object with a method and a path')
    expect([empty.code, missing.code, notJson.code]).to.deep.equal([2, 2, 2])
    expect(duo.sandbox.requestCount(), 'nothing was sent').to.equal(before)
    const [graceStill, bulk5] = await Promise.all([duo.json(['users', 'list', '--username', 'grace']), duo.json(['users', 'list', '--username', 'bulk5'])])
    expect([graceStill, bulk5]).to.deep.equal([[grace], []])

    expect(await duo.json<Row[]>(['bulk', deletion, '--yes'])).to.have.length(2)
    expect(await duo.json(['users', 'list', '--username', 'grace'])).to.deep.equal([])
  })
})
