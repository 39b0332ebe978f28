import {expect} from 'chai'

import {sandboxSession} from '../helpers/sandbox-session.js'

type Row = Record<string, unknown>

describe('duo groups (built CLI, sandbox)', function () {
  // Each test runs the CLI several times; a busy machine makes that slow.
  this.timeout(90_000)
  const duo = sandboxSession()

  it('lists groups and shows one by name or id', async () => {
    const [groups, table, csv] = await Promise.all([
      duo.json<Row[]>(['groups', 'list']),
      duo.run(['groups', 'list']),
      duo.run(['groups', 'list', '--csv', '--columns', 'name,status']),
    ])
    expect(groups.map((g) => g.name)).to.deep.equal(['Engineering', 'Helpdesk', 'Contractors'])
    expect(table.stdout).to.match(/^NAME\s+DESC\s+STATUS\s+GROUP_ID/).and.contain('IT support staff')
    expect(csv.stdout.trim().split('\n')).to.deep.equal(['name,status', 'Engineering,active', 'Helpdesk,active', 'Contractors,active'])

    const helpdesk = groups[1]
    const [byName, byId, human] = await Promise.all([
      duo.json<Row>(['groups', 'get', 'helpdesk']),
      duo.json<Row>(['groups', 'get', String(helpdesk.group_id)]),
      duo.run(['groups', 'get', 'Helpdesk']),
    ])
    expect(byName).to.deep.equal(helpdesk)
    expect(byId).to.deep.equal(helpdesk)
    expect(human.stdout).to.match(/^name\s+Helpdesk$/m).and.match(new RegExp(`^group_id\\s+${helpdesk.group_id}$`, 'm'))

    const missing = await duo.run(['groups', 'get', 'Nope'])
    expect(missing.code).to.equal(4)
  })

  it('lists a group\'s members, one page or all', async () => {
    const [members, table, all] = await Promise.all([
      duo.json<Row[]>(['groups', 'users', 'Helpdesk']),
      duo.run(['groups', 'users', 'Helpdesk']),
      duo.run(['groups', 'users', 'Helpdesk', '--all', '--json']),
    ])
    expect(members.map((m) => m.username)).to.deep.equal(['carol', 'dave', 'erin'])
    expect(table.stdout).to.match(/^USERNAME\s+USER_ID/).and.contain('carol')
    expect(all.stdout.trim().split('\n').map((line) => JSON.parse(line).username)).to.deep.equal(['carol', 'dave', 'erin'])

    const page = await duo.run(['groups', 'users', 'Helpdesk', '--limit', '2'])
    expect(page.stdout.trim().split('\n')).to.have.length(3)
    expect(page.stderr).to.contain('--offset 2')
  })

  it('creates and updates groups', async () => {
    const created = await duo.json<Row>(['groups', 'create', '--name', 'Finance', '--desc', 'Money people'])
    expect(created).to.include({desc: 'Money people', name: 'Finance', status: 'active'})
    expect(created.group_id).to.match(/^DG/)
    const human = await duo.run(['groups', 'create', '--name', 'Kiosks', '--status', 'bypass', '--yes'])
    expect(human.code, human.stderr).to.equal(0)
    expect(human.stdout).to.match(/^status\s+bypass$/m)

    const updated = await duo.json<Row>(['groups', 'update', 'Finance', '--status', 'disabled', '--desc', 'Finance team', '--yes'])
    expect(updated).to.include({desc: 'Finance team', group_id: created.group_id, name: 'Finance', status: 'disabled'})
    const renamed = await duo.run(['groups', 'update', String(created.group_id), '--name', 'Finance & Legal'])
    expect(renamed.stdout).to.match(/^name\s+Finance & Legal$/m)
    expect(await duo.json(['groups', 'get', 'finance & legal'])).to.include({status: 'disabled'})

    const before = duo.sandbox.requestCount()
    const [noName, nothing, badStatus] = await Promise.all([
      duo.run(['groups', 'create', '--json']),
      duo.run(['groups', 'update', 'Kiosks']),
      duo.run(['groups', 'update', 'Kiosks', '--status', 'sleeping']),
    ])
    expect([noName.code, nothing.code, badStatus.code]).to.deep.equal([2, 2, 2])
    expect(JSON.parse(noName.stderr).error.message).to.equal('Missing --name.')
    expect(nothing.stderr).to.contain('Nothing to change: pass at least one of --name, --desc, --status.')
    expect(badStatus.stderr).to.contain('active, bypass, disabled')
    expect(duo.sandbox.requestCount()).to.equal(before)
  })
})
