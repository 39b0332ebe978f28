import {expect} from 'chai'

import {sandboxSession} from '../helpers/sandbox-session.js'

type Row = Record<string, unknown>

describe('duo phones (built CLI, sandbox)', function () {
  this.timeout(90_000)
  const duo = sandboxSession()

  it('lists every phone as a table (LAST_SEEN in UTC) and as JSON, and finds one by number', async () => {
    const [table, phones, byNumber] = await Promise.all([
      duo.run(['phones', 'list']),
      duo.json<Row[]>(['phones', 'list']),
      duo.json<Row[]>(['phones', 'list', '--number', '+15550100002']),
    ])
    expect(table.code, table.stderr).to.equal(0)
    expect(table.stdout).to.match(/^PHONE_ID\s+NUMBER\s+PLATFORM\s+TYPE\s+ACTIVATED\s+LAST_SEEN\s+USERS/)
    expect(table.stdout).to.match(/\+15550100001\s+Apple iOS\s+Mobile\s+true\s+2024-03-04 15:04Z\s+alice/)
    expect(table.stdout).to.match(/\+15550100099\s+Generic Smartphone\s+Mobile\s+false/)
    expect(phones.map((p) => p.platform)).to.include.members(['Apple iOS', 'Google Android', 'Unknown', 'Generic Smartphone'])
    expect(byNumber.map((p) => p.number)).to.deep.equal(['+15550100002'])
    // The first attempt: a raw call to create a phone, which used to get a 404.
    const raw = await duo.run(['api', 'POST', '/admin/v1/phones', '-p', 'number=+15551230999', '-p', 'type=mobile'])
    expect(raw.code, raw.stderr).to.equal(0)
    expect(JSON.parse(raw.stdout).response).to.include({activated: false, number: '+15551230999', type: 'Mobile'})
  })

  it('get takes an id or a number; an unknown one exits 4', async () => {
    const [[phone], shown, missing, missingId] = await Promise.all([
      duo.json<Row[]>(['phones', 'list', '--number', '+15550100001']),
      duo.run(['phones', 'get', '+15550100001']),
      duo.run(['phones', 'get', '+15559999999']),
      duo.run(['phones', 'get', 'DP000000000000000000']),
    ])
    expect(await duo.json<Row>(['phones', 'get', String(phone.phone_id)])).to.deep.equal(phone)
    expect(shown.stdout).to.match(/^phone_id\s+DP[0-9A-Z]{18}$/m).and.match(/^platform\s+Apple iOS$/m).and.match(/^users\s+alice$/m)
    expect(shown.stdout).to.match(/^last_seen\s+2024-03-04 15:04Z$/m)
    expect(missing.code).to.equal(4)
    expect(missing.stderr).to.contain('No phone with number "+15559999999"')
    expect(missingId.code).to.equal(4)
  })

  it('create and update send Duo\'s lowercase values and show the title-case answer; bad values exit 2 and send nothing', async () => {
    const created = await duo.json<Row>(['phones', 'create', '--number', '555-123-0100', '--type', 'mobile', '--platform', 'google android', '--name', 'Spare'])
    expect(created).to.include({activated: false, name: 'Spare', number: '+15551230100', platform: 'Google Android', type: 'Mobile'})
    const updated = await duo.run(['phones', 'update', '+15551230100', '--platform', 'apple ios', '--extension', '7'])
    expect(updated.code, updated.stderr).to.equal(0)
    expect(updated.stdout).to.match(/^platform\s+Apple iOS$/m).and.match(/^extension\s+7$/m)
    expect(updated.stderr).to.contain(`Updated phone ${created.phone_id}.`)

    const before = duo.sandbox.requestCount()
    const [badPlatform, nothing] = await Promise.all([
      duo.run(['phones', 'create', '--number', '+15551230101', '--platform', 'nokia']),
      duo.run(['phones', 'update', String(created.phone_id)]),
    ])
    expect(badPlatform.code).to.equal(2)
    expect(nothing.code).to.equal(2)
    expect(nothing.stderr).to.contain('Nothing to change')
    expect(duo.sandbox.requestCount()).to.equal(before)
  })

  it('delete asks first (refused without a terminal, nothing sent), then removes the phone from everyone who had it', async () => {
    const created = await duo.json<Row>(['phones', 'create', '--number', '+15551230200', '--type', 'landline'])
    expect((await duo.run(['users', 'phones', 'add', 'heidi', String(created.phone_id)])).code).to.equal(0)
    const before = duo.sandbox.requestCount()
    const refused = await duo.run(['phones', 'delete', '+15551230200'])
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.contain('Delete phone +15551230200?').and.contain('--yes')
    expect(duo.sandbox.requestCount()).to.equal(before)

    const deleted = await duo.json<Row>(['phones', 'delete', '+15551230200', '--yes'])
    expect(deleted).to.deep.equal({phone_id: created.phone_id})
    expect(await duo.json<Row[]>(['users', 'phones', 'list', 'heidi'])).to.deep.equal([])
  })

  it('activate prints the activation link (no QR code into a pipe) after confirming; --valid-secs takes a span', async () => {
    const before = duo.sandbox.requestCount()
    const refused = await duo.run(['phones', 'activate', '+15550100002'])
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.contain('Create a new Duo Mobile activation link for phone +15550100002?')
    const badSpan = await duo.run(['phones', 'activate', '+15550100002', '--valid-secs', '1 week', '--yes'])
    expect(badSpan.code).to.equal(2)
    expect(badSpan.stderr).to.contain('--valid-secs "1 week" is not a time span')
    expect(duo.sandbox.requestCount()).to.equal(before)

    const printed = await duo.run(['phones', 'activate', '+15550100002', '--valid-secs', '12h', '--install', '--yes'])
    expect(printed.code, printed.stderr).to.equal(0)
    expect(printed.stdout.trim()).to.match(/^https:\/\/m-[a-z0-9]+\.duosecurity\.com\/android\/[A-Za-z0-9]{20}$/)
    expect(printed.stderr).to.contain('valid for 12 hours').and.contain('Install Duo Mobile first: https://m-')
    expect(printed.stderr).to.not.contain('▄')
    const json = await duo.json<Row>(['phones', 'activate', '+15550100002', '--valid-secs', '90', '--yes'])
    expect(json).to.include({valid_secs: 90})
    expect(json.activation_barcode).to.match(/frame\/qr\?value=/)
    expect((await duo.json<Row>(['phones', 'get', '+15550100002'])).activated).to.equal(false)
  })

  it('activate --sms texts the link; a phone with an Unknown platform is refused by Duo with its message', async () => {
    const texted: string[] = []
    const stop = duo.sandbox.onSmsSent((sms) => texted.push(`${sms.purpose} ${sms.number}`))
    const sent = await duo.run(['phones', 'activate', '+15550100001', '--sms', '--activation-msg', 'New phone? <acturl>', '--valid-secs', '1d', '--yes'])
    expect(sent.code, sent.stderr).to.equal(0)
    expect(sent.stdout).to.equal('')
    expect(sent.stderr).to.match(/Texted the activation link to phone \+15550100001 \(valid for 1 day\): "New phone\? https:\/\/m-/)
    const noPlaceholder = await duo.run(['phones', 'activate', '+15550100001', '--sms', '--activation-msg', 'no link', '--yes'])
    expect(noPlaceholder.code).to.equal(2)
    expect(noPlaceholder.stderr).to.contain('--activation-msg must contain <acturl>')
    const landline = await duo.run(['phones', 'activate', '+15550100005', '--yes'])
    expect(landline.code).to.equal(1)
    expect(landline.stderr).to.contain('Unknown')
    stop()
    expect(texted).to.deep.equal(['activation +15550100001'])
  })

  it('send-passcodes and send-installation confirm, then text the phone', async () => {
    const texted: string[] = []
    const stop = duo.sandbox.onSmsSent((sms) => texted.push(`${sms.purpose} ${sms.number}`))
    const [refusedPasscodes, refusedInstall] = await Promise.all([
      duo.run(['phones', 'send-passcodes', '+15550100003']),
      duo.run(['phones', 'send-installation', '+15550100003']),
    ])
    expect(refusedPasscodes.code).to.equal(2)
    expect(refusedPasscodes.stderr).to.contain('Text a new batch of SMS passcodes to phone +15550100003?')
    expect(refusedInstall.code).to.equal(2)
    expect(texted).to.deep.equal([])

    expect((await duo.run(['phones', 'send-passcodes', '+15550100003', '--yes'])).code).to.equal(0)
    expect((await duo.json<Row>(['phones', 'get', '+15550100003'])).sms_passcodes_sent).to.equal(true)
    const install = await duo.json<Row>(['phones', 'send-installation', '+15550100003', '--installation-msg', 'Get it: <insturl>', '--yes'])
    expect(install.installation_msg).to.match(/^Get it: https:\/\/m-/)
    const landline = await duo.run(['phones', 'send-passcodes', '+15550100005', '--yes'])
    expect(landline.code).to.equal(1)
    expect(landline.stderr).to.contain('cannot receive text messages')
    stop()
    expect(texted).to.deep.equal(['passcodes +15550100003', 'installation +15550100003'])
  })
})

describe('duo phones with a read-only integration (built CLI, sandbox)', function () {
  this.timeout(60_000)
  const duo = sandboxSession({permissions: {read: true, write: false}})

  it('lists phones, but a change exits 3 (a permission problem) naming the permission it needs', async () => {
    expect(await duo.json<Row[]>(['phones', 'list'])).to.have.length(6)
    const denied = await duo.run(['phones', 'activate', '+15550100001', '--sms', '--yes'])
    expect(denied.code).to.equal(3)
    expect(denied.stderr).to.contain('40301').and.contain('Grant resource - Write')
  })
})
