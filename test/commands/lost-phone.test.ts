// The helpdesk call "I lost my phone", one command per step: find the user, detach the lost
// phone, attach the new one by number, text it a Duo Mobile activation, give bypass codes meanwhile.
import {expect} from 'chai'

import type {SmsSent} from '../../src/sandbox/records.js'
import {sandboxSession} from '../helpers/sandbox-session.js'

type Row = Record<string, unknown>

describe('the lost-phone story, and duo users phones add --number (built CLI, sandbox)', function () {
  this.timeout(90_000)
  const duo = sandboxSession()

  it('detaches the lost phone, attaches and activates the new one by number, and gives bypass codes', async () => {
    const texts: SmsSent[] = []
    const stop = duo.sandbox.onSmsSent((sms) => texts.push(sms))

    const found = await duo.run(['users', 'phones', 'list', 'asmith'])
    expect(found.stdout).to.match(/^PHONE_ID\s+NUMBER\s+PLATFORM\s+TYPE\s+ACTIVATED\s+LAST_SEEN/).and.match(/\+15550100001\s+Apple iOS\s+Mobile\s+true\s+2024-03-04 15:04Z/)

    const detached = await duo.run(['users', 'phones', 'remove', 'alice', '+15550100001', '--yes'])
    expect(detached.code, detached.stderr).to.equal(0)

    const attached = await duo.run(['users', 'phones', 'add', 'alice', '--number', '+1 (555) 123-4567', '--platform', 'apple ios'])
    expect(attached.code, attached.stderr).to.equal(0)
    expect(attached.stderr).to.match(/Created and attached phone \+15551234567 \(DP[0-9A-Z]{18}\) to alice\./)
    expect(attached.stderr).to.contain('duo phones activate +15551234567 --sms')

    const activated = await duo.run(['phones', 'activate', '+15551234567', '--sms', '--valid-secs', '1d', '--yes'])
    expect(activated.code, activated.stderr).to.equal(0)

    const codes = await duo.run(['users', 'bypass-codes', 'create', 'alice', '--count', '2', '--valid-secs', '1d', '--yes'])
    expect(codes.code, codes.stderr).to.equal(0)
    expect(codes.stdout.trim().split('\n')).to.have.length(2).and.satisfy((lines: string[]) => lines.every((l) => /^\d{9}$/.test(l)))
    stop()

    const phones = await duo.json<Row[]>(['users', 'phones', 'list', 'alice'])
    expect(phones.map((p) => [p.number, p.platform, p.activated])).to.deep.equal([['+15551234567', 'Apple iOS', false]])
    expect(texts.map((t) => [t.purpose, t.number])).to.deep.equal([['activation', '+15551234567']])
    expect(texts[0].message).to.match(/https:\/\/m-[a-z0-9]+\.duosecurity\.com\/iphone\//)
    // The lost phone is detached, not deleted: Duo keeps it, attached to nobody.
    const [lost] = await duo.json<Row[]>(['phones', 'list', '--number', '+15550100001'])
    expect(lost.users).to.deep.equal([])
    const bypass = await duo.json<Row[]>(['users', 'bypass-codes', 'list', 'alice'])
    expect(bypass.map((c) => Number(c.expiration) - Number(c.created))).to.deep.equal([86_400, 86_400])
  })

  it('a number someone else has is shared only once confirmed, and says whose it is', async () => {
    const before = duo.sandbox.requestCount()
    const refused = await duo.run(['users', 'phones', 'add', 'heidi', '--number', '+15550100002'])
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.contain('Phone +15550100002').and.contain('is already bob\'s. Share it with heidi too?').and.contain('--yes')
    expect(await duo.json<Row[]>(['users', 'phones', 'list', 'heidi'])).to.deep.equal([])
    // Two lookups (the user, the number) before the question, two for the list above: no write.
    expect(duo.sandbox.requestCount() - before).to.equal(4)

    const shared = await duo.json<Row>(['users', 'phones', 'add', 'heidi', '--number', '+15550100002', '--yes'])
    expect(shared).to.include({already: false, created: false})
    const [phone] = await duo.json<Row[]>(['phones', 'list', '--number', '+15550100002'])
    expect((phone.users as Row[]).map((u) => u.username)).to.deep.equal(['bob', 'heidi'])

    const again = await duo.run(['users', 'phones', 'add', 'heidi', '--number', '+15550100002'])
    expect(again.code, again.stderr).to.equal(0)
    expect(again.stderr).to.contain('heidi already has phone +15550100002').and.contain('nothing changed')
  })

  it('a new mobile phone needs --platform without a terminal (nothing created); a landline does not', async () => {
    const phonesBefore = (await duo.json<Row[]>(['phones', 'list'])).length
    const missing = await duo.run(['users', 'phones', 'add', 'frank', '--number', '+15557770001'])
    expect(missing.code).to.equal(2)
    expect(missing.stderr).to.contain('Missing --platform')
    expect(await duo.json<Row[]>(['phones', 'list'])).to.have.length(phonesBefore)

    const landline = await duo.json<Row>(['users', 'phones', 'add', 'frank', '--number', '+15557770002', '--type', 'landline', '--extension', '42'])
    expect(landline).to.include({created: true})
    expect(landline.phone).to.include({extension: '42', number: '+15557770002', platform: 'Unknown', type: 'Landline'})
    expect((await duo.json<Row[]>(['users', 'phones', 'list', 'frank'])).map((p) => p.number)).to.deep.equal(['+15557770002'])
  })

  it('still attaches an existing phone by id; refuses both an id and --number, or neither (exit 2)', async () => {
    const [loaner] = await duo.json<Row[]>(['phones', 'list', '--number', '+15550100099'])
    const attached = await duo.json<Row>(['users', 'phones', 'add', 'grace', String(loaner.phone_id)])
    expect(attached).to.include({phone_id: loaner.phone_id})
    const [both, neither, unknownUser] = await Promise.all([
      duo.run(['users', 'phones', 'add', 'grace', String(loaner.phone_id), '--number', '+15550100099']),
      duo.run(['users', 'phones', 'add', 'grace']),
      duo.run(['users', 'phones', 'add', 'nobody', '--number', '+15557770003', '--platform', 'apple ios']),
    ])
    expect(both.code).to.equal(2)
    expect(neither.code).to.equal(2)
    expect(neither.stderr).to.contain('give a PHONE_ID or --number')
    expect(unknownUser.code).to.equal(4)
    expect(await duo.json<Row[]>(['phones', 'list', '--number', '+15557770003'])).to.deep.equal([])
  })
})
