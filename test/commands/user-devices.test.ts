import {expect} from 'chai'

import {sandboxSession} from '../helpers/sandbox-session.js'

type Row = Record<string, unknown>

describe('duo users phones|tokens|groups|webauthn|desktop-authenticators|bypass-codes|directory-sync (built CLI, sandbox)', function () {
  // Each test runs the CLI a dozen times; a busy machine makes that slow.
  this.timeout(90_000)
  const duo = sandboxSession()
  const ids = async (args: string[], key: string) => (await duo.json<Row[]>(args)).map((row) => row[key])

  it('lists phones, tokens, WebAuthn credentials and desktop authenticators as tables and JSON, by username or id', async () => {
    const [alice] = await duo.json<Row[]>(['users', 'list', '--username', 'alice'])
    const [phones, phonesById, phonesTable, tokens, tokensTable, webauthn, webauthnTable, desktop, desktopCsv] = await Promise.all([
      duo.json<Row[]>(['users', 'phones', 'list', 'alice']),
      duo.json<Row[]>(['users', 'phones', 'list', String(alice.user_id)]),
      duo.run(['users', 'phones', 'list', 'alice']),
      duo.json<Row[]>(['users', 'tokens', 'list', 'dave']),
      duo.run(['users', 'tokens', 'list', 'dave']),
      duo.json<Row[]>(['users', 'webauthn', 'list', 'alice']),
      duo.run(['users', 'webauthn', 'list', 'alice']),
      duo.json<Row[]>(['users', 'desktop-authenticators', 'list', 'carol']),
      duo.run(['users', 'desktop-authenticators', 'list', 'carol', '--csv']),
    ])
    expect(phones).to.have.length(1)
    expect(phones[0]).to.include({number: '+15550100001', platform: 'Apple iOS'})
    expect(phonesById).to.deep.equal(phones)
    expect(phonesTable.stdout).to.match(/^PHONE_ID\s+NUMBER/).and.contain(String(phones[0].phone_id)).and.contain('push')

    expect(tokens).to.have.length(1)
    expect(tokens[0]).to.include({serial: '100003', type: 'h6'})
    expect(tokensTable.stdout).to.match(/^TOKEN_ID\s+TYPE\s+SERIAL/).and.contain('100003')

    expect(webauthn.map((w) => w.credential_name)).to.deep.equal(['YubiKey 5 NFC'])
    expect(webauthnTable.stdout).to.match(/^CREDENTIAL_NAME/).and.contain('YubiKey 5 NFC')

    expect(desktop.map((d) => d.device_name)).to.deep.equal(['CAROL-MBP'])
    expect(desktopCsv.stdout.trim().split('\n')).to.deep.equal([
      'device_name,os_family,duo_desktop_version,dakey,daid',
      `CAROL-MBP,macOS,7.4.0.0,${desktop[0].dakey},${desktop[0].daid}`,
    ])
  })

  it('adds and removes group memberships by group name or id; removal needs --yes without a terminal and changes nothing without it', async () => {
    const [initial, groups] = await Promise.all([ids(['users', 'groups', 'list', 'alice'], 'name'), duo.json<Row[]>(['groups', 'list'])])
    expect(initial).to.deep.equal(['Engineering'])
    const contractors = groups.find((g) => g.name === 'Contractors')!
    const [added, byId] = await Promise.all([
      duo.run(['users', 'groups', 'add', 'alice', 'Helpdesk']),
      duo.json<Row>(['users', 'groups', 'add', 'alice', String(contractors.group_id)]),
    ])
    expect(added.code, added.stderr).to.equal(0)
    expect(added.stderr).to.contain('Added alice to group Helpdesk.')
    expect(byId).to.include({group_id: contractors.group_id})
    expect(byId.user_id).to.match(/^DU/)

    const [table, names] = await Promise.all([duo.run(['users', 'groups', 'list', 'alice']), ids(['users', 'groups', 'list', 'alice'], 'name')])
    expect(table.stdout).to.match(/^NAME\s+DESC\s+STATUS\s+GROUP_ID/).and.contain('Helpdesk').and.contain('Contractors')
    expect(names).to.have.members(['Engineering', 'Helpdesk', 'Contractors'])

    const before = duo.sandbox.requestCount()
    const refused = await duo.run(['users', 'groups', 'remove', 'alice', 'Helpdesk'])
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.contain('Remove alice from group Helpdesk?').and.contain('--yes')
    expect(duo.sandbox.requestCount(), 'no request before the refusal').to.equal(before)

    const [removed, human] = await Promise.all([
      duo.json<Row>(['users', 'groups', 'remove', 'alice', 'Helpdesk', '--yes']),
      duo.run(['users', 'groups', 'remove', 'alice', 'Contractors', '--yes']),
    ])
    expect(removed.group_id).to.match(/^DG/)
    expect(human.code, human.stderr).to.equal(0)
    expect(human.stderr).to.contain('Removed alice from group Contractors.')
    const [after, unknown] = await Promise.all([ids(['users', 'groups', 'list', 'alice'], 'name'), duo.run(['users', 'groups', 'add', 'alice', 'Nope'])])
    expect(after).to.deep.equal(['Engineering'])
    expect(unknown.code).to.equal(4)
    expect(unknown.stderr).to.contain('No group named "Nope"')
  })

  it('attaches and detaches phones and hardware tokens', async () => {
    const [[bobPhone], [daveToken]] = await Promise.all([ids(['users', 'phones', 'list', 'bob'], 'phone_id'), ids(['users', 'tokens', 'list', 'dave'], 'token_id')])
    const [phone, token] = await Promise.all([
      duo.run(['users', 'phones', 'add', 'heidi', String(bobPhone)]),
      duo.json<Row>(['users', 'tokens', 'add', 'heidi', String(daveToken)]),
    ])
    expect(phone.code, phone.stderr).to.equal(0)
    expect(phone.stderr).to.contain(`Attached phone ${bobPhone} to heidi.`)
    expect(token).to.include({token_id: daveToken})
    const [phones, tokens] = await Promise.all([ids(['users', 'phones', 'list', 'heidi'], 'phone_id'), ids(['users', 'tokens', 'list', 'heidi'], 'token_id')])
    expect(phones).to.deep.equal([bobPhone])
    expect(tokens).to.deep.equal([daveToken])

    const before = duo.sandbox.requestCount()
    const refusals = await Promise.all([
      duo.run(['users', 'phones', 'remove', 'heidi', String(bobPhone)]),
      duo.run(['users', 'tokens', 'remove', 'heidi', String(daveToken), '--json']),
    ])
    expect(refusals.map((r) => r.code)).to.deep.equal([2, 2])
    expect(refusals[0].stderr).to.contain(`Detach phone ${bobPhone} from heidi?`)
    expect(JSON.parse(refusals[1].stderr).error).to.include({exitCode: 2})
    expect(duo.sandbox.requestCount()).to.equal(before)

    const [detached, tokenDetached] = await Promise.all([
      duo.json<Row>(['users', 'phones', 'remove', 'heidi', String(bobPhone), '--yes']),
      duo.run(['users', 'tokens', 'remove', 'heidi', String(daveToken), '--yes']),
    ])
    expect(detached).to.include({phone_id: bobPhone})
    expect(tokenDetached.stderr).to.contain(`Detached hardware token ${daveToken} from heidi.`)
    const lists = await Promise.all([
      duo.json(['users', 'phones', 'list', 'heidi']),
      duo.json(['users', 'tokens', 'list', 'heidi']),
      ids(['users', 'phones', 'list', 'bob'], 'phone_id'),
      ids(['users', 'tokens', 'list', 'dave'], 'token_id'),
    ])
    // Detaching keeps the phone and the token: their other owners still have them.
    expect(lists).to.deep.equal([[], [], [bobPhone], [daveToken]])
  })

  it('generates bypass codes once, lists only their metadata, and confirms before clearing the old ones', async () => {
    const before = duo.sandbox.requestCount()
    const refused = await duo.run(['users', 'bypass-codes', 'create', 'bob'])
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.contain('Generate 10 bypass codes for bob? Their existing codes will be cleared.')
    expect(duo.sandbox.requestCount()).to.equal(before)

    const created = await duo.run(['users', 'bypass-codes', 'create', 'bob', '--yes'])
    expect(created.code, created.stderr).to.equal(0)
    const codes = created.stdout.trim().split('\n')
    expect(codes).to.have.length(10)
    for (const code of codes) expect(code).to.match(/^\d{9}$/)
    expect(created.stderr).to.contain('only now')

    const [listed, table] = await Promise.all([duo.json<Row[]>(['users', 'bypass-codes', 'list', 'bob']), duo.run(['users', 'bypass-codes', 'list', 'bob'])])
    expect(listed).to.have.length(10)
    expect(JSON.stringify(listed)).to.not.contain(codes[0])
    expect(table.stdout).to.match(/^BYPASS_CODE_ID\s+CREATED\s+EXPIRATION\s+REUSE_COUNT/)
    expect(table.stdout.trim().split('\n')).to.have.length(11)

    const more = await duo.json<string[]>(['users', 'bypass-codes', 'create', 'bob', '--count', '2', '--preserve-existing', '--reuse-count', '3', '--valid-secs', '600', '--yes'])
    expect(more).to.have.length(2)
    const after = await duo.json<Row[]>(['users', 'bypass-codes', 'list', 'bob'])
    expect(after).to.have.length(12)
    expect(after.filter((c) => c.reuse_count === 3 && typeof c.expiration === 'number')).to.have.length(2)

    expect(await duo.json(['users', 'bypass-codes', 'create', 'bob', '--codes', '111222333,444555666', '--yes'])).to.deep.equal(['111222333', '444555666'])
    expect(await duo.json(['users', 'bypass-codes', 'list', 'bob'])).to.have.length(2)

    const invalid = await Promise.all([
      duo.run(['users', 'bypass-codes', 'create', 'bob', '--count', '2', '--codes', '1', '--yes']),
      duo.run(['users', 'bypass-codes', 'create', 'bob', '--count', '11', '--yes']),
    ])
    expect(invalid.map((r) => r.code)).to.deep.equal([2, 2])
  })

  it('lists directories and syncs one user from a directory after confirmation', async () => {
    const [directories, table] = await Promise.all([duo.json<Row[]>(['users', 'directory-sync', 'list']), duo.run(['users', 'directory-sync', 'list'])])
    expect(directories).to.have.length(1)
    const key = String(directories[0].directory_key)
    expect(table.stdout).to.match(/^NAME\s+DIRECTORY_TYPE\s+DIRECTORY_KEY/).and.contain(key)

    const before = duo.sandbox.requestCount()
    const refusals = await Promise.all([
      duo.run(['users', 'directory-sync', 'run', key, '--username', 'zoe']),
      duo.run(['users', 'directory-sync', 'run', key, '--yes']),
    ])
    expect(refusals.map((r) => r.code)).to.deep.equal([2, 2])
    expect(refusals[0].stderr).to.contain('Sync zoe from directory')
    expect(refusals[1].stderr).to.contain('--username')
    expect(duo.sandbox.requestCount()).to.equal(before)
    expect(await duo.json(['users', 'list', '--username', 'zoe'])).to.deep.equal([])

    const synced = await duo.json<Row>(['users', 'directory-sync', 'run', key, '--username', 'zoe', '--yes'])
    expect(synced).to.include({username: 'zoe'})
    expect(synced.last_directory_sync).to.be.a('number')
    const human = await duo.run(['users', 'directory-sync', 'run', key, '--username', 'zoe', '--yes'])
    expect(human.stdout).to.match(/^username\s+zoe$/m)
    expect(await ids(['users', 'list', '--username', 'zoe'], 'user_id')).to.deep.equal([synced.user_id])
  })
})
