// The device endpoints (phones, tokens, WebAuthn, U2F, desktop authenticators, bypass codes) as
// Duo's own Node client would call them: every request signed by its duo_sig module.
import {expect} from 'chai'

import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import type {SmsSent} from '../../src/sandbox/records.js'
import {hotp} from '../../src/sandbox/handlers/tokens.js'
import {officialCall} from '../helpers/official-signer.js'

type Row = Record<string, unknown>

const PHONE_FIELDS = [
  'activated', 'capabilities', 'encrypted', 'extension', 'fingerprint', 'last_seen', 'model', 'name', 'number', 'phone_id', 'platform',
  'postdelay', 'predelay', 'screenlock', 'sms_passcodes_sent', 'tampered', 'type', 'users',
]
const BRIEF_USER_FIELDS = [
  'alias1', 'alias2', 'alias3', 'alias4', 'aliases', 'created', 'email', 'firstname', 'is_enrolled', 'last_directory_sync', 'last_login',
  'lastname', 'notes', 'realname', 'status', 'user_id', 'username',
]
const RFC4226_CODES = ['755224', '287082', '359152', '969429', '338314', '254676']

describe('sandbox: device endpoints, signed by Duo\'s official Node signer', () => {
  let sandbox: RunningSandbox
  let readOnly: RunningSandbox
  const sms: SmsSent[] = []
  before(async () => {
    ;[sandbox, readOnly] = await Promise.all([startSandbox(), startSandbox({permissions: {read: true, write: false}})])
    sandbox.onSmsSent((sent) => sms.push(sent))
  })
  after(() => Promise.all([sandbox.close(), readOnly.close()]))

  const ok = async (method: 'DELETE' | 'GET' | 'POST', path: string, params: Record<string, string> = {}) => {
    const answer = await officialCall(sandbox, method, path, params)
    expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).to.equal(200)
    expect(answer.body.stat).to.equal('OK')
    return answer.body
  }

  const fails = async (method: 'DELETE' | 'GET' | 'POST', path: string, params: Record<string, string>, status: number, code: number) => {
    const answer = await officialCall(sandbox, method, path, params)
    expect(answer.status, JSON.stringify(answer.body)).to.equal(status)
    expect(answer.body).to.include({code, stat: 'FAIL'})
    return answer.body.message_detail as string
  }

  describe('phones', () => {
    it('lists every phone with Duo\'s fields and its users, paged, and finds one by number', async () => {
      const page = await ok('GET', '/admin/v1/phones', {limit: '2'})
      expect(page.response).to.have.length(2)
      expect(page.metadata).to.include({next_offset: 2, total_objects: 6})
      expect(Object.keys(page.response[0]).sort()).to.deep.equal(PHONE_FIELDS)
      expect(Object.keys(page.response[0].users[0]).sort()).to.deep.equal(BRIEF_USER_FIELDS)
      expect(page.response[0]).to.include({activated: true, number: '+15550100001', platform: 'Apple iOS', type: 'Mobile'})
      expect(page.response[0].users.map((u: Row) => u.username)).to.deep.equal(['alice'])

      const all = await ok('GET', '/admin/v1/phones')
      expect(all.response.map((p: Row) => p.platform)).to.include.members(['Apple iOS', 'Google Android', 'Unknown', 'Generic Smartphone'])
      // A number without + is a US number; dashes and spaces are dropped.
      const found = await ok('GET', '/admin/v1/phones', {number: '555-010-0002'})
      expect(found.response.map((p: Row) => p.number)).to.deep.equal(['+15550100002'])
      expect((await ok('GET', '/admin/v1/phones', {number: '+19999999999'})).response).to.deep.equal([])
      await fails('GET', '/admin/v1/phones', {number: 'not a number'}, 400, 40_002)
    })

    it('creates a phone from lowercase values, answers in title case, not activated and attached to nobody; modifies it', async () => {
      const {response: phone} = await ok('POST', '/admin/v1/phones', {name: 'New phone', number: '5551230001', platform: 'google android', type: 'mobile'})
      expect(phone).to.include({activated: false, name: 'New phone', number: '+15551230001', platform: 'Google Android', sms_passcodes_sent: false, type: 'Mobile'})
      expect(phone.phone_id).to.match(/^DP[0-9A-Z]{18}$/)
      expect(phone.users).to.deep.equal([])
      expect(phone.capabilities).to.deep.equal(['auto', 'sms', 'phone'])
      expect(Object.keys(phone).sort()).to.deep.equal(PHONE_FIELDS)

      const {response: changed} = await ok('POST', `/admin/v1/phones/${phone.phone_id}`, {extension: '12', predelay: '2', type: 'landline'})
      expect(changed).to.include({extension: '12', predelay: '2', type: 'Landline'})
      expect(changed.capabilities).to.deep.equal(['auto', 'phone'])
      expect((await ok('GET', `/admin/v1/phones/${phone.phone_id}`)).response).to.deep.equal(changed)
      await fails('POST', '/admin/v1/phones', {type: 'fax'}, 400, 40_002)
      await fails('GET', '/admin/v1/phones/DPNOSUCHPHONE0000000', {}, 404, 40_401)
    })

    it('deleting a phone detaches it from every user who had it; deleting again still answers ""', async () => {
      const {response: users} = await ok('GET', '/admin/v1/users', {username: 'bob'})
      const bob = users[0]
      const phoneId = bob.phones[0].phone_id
      const {response: alice} = await ok('GET', '/admin/v1/users', {username: 'alice'})
      await ok('POST', `/admin/v1/users/${alice[0].user_id}/phones`, {phone_id: phoneId})
      expect((await ok('GET', `/admin/v1/phones/${phoneId}`)).response.users.map((u: Row) => u.username)).to.deep.equal(['alice', 'bob'])

      expect((await ok('DELETE', `/admin/v1/phones/${phoneId}`)).response).to.equal('')
      await fails('GET', `/admin/v1/phones/${phoneId}`, {}, 404, 40_401)
      for (const user of [alice[0], bob]) {
        const {response: phones} = await ok('GET', `/admin/v1/users/${user.user_id}/phones`)
        expect(phones.map((p: Row) => p.phone_id)).to.not.include(phoneId)
      }

      expect((await ok('DELETE', `/admin/v1/phones/${phoneId}`)).response).to.equal('')
    })

    it('makes activation links that look like Duo\'s, with install, and refuses a phone whose platform is Unknown', async () => {
      const {response: phone} = await ok('POST', '/admin/v1/phones', {number: '+15551230002', platform: 'apple ios', type: 'mobile'})
      const {response: activation} = await ok('POST', `/admin/v1/phones/${phone.phone_id}/activation_url`, {install: '1', valid_secs: '3600'})
      expect(Object.keys(activation).sort()).to.deep.equal(['activation_barcode', 'activation_url', 'installation_url', 'valid_secs'])
      expect(activation.activation_url).to.match(/^https:\/\/m-[a-z0-9]+\.duosecurity\.com\/iphone\/[A-Za-z0-9]{20}$/)
      expect(activation.activation_barcode).to.match(/^https:\/\/api-[a-z0-9]+\.duosecurity\.com\/frame\/qr\?value=duo%3A%2F%2F/)
      expect(activation.installation_url).to.match(/^https:\/\/m-[a-z0-9]+\.duosecurity\.com$/)
      expect(activation.valid_secs).to.equal(3600)
      const {response: plain} = await ok('POST', `/admin/v1/phones/${phone.phone_id}/activation_url`)
      expect(plain).to.not.have.property('installation_url')
      expect(plain.valid_secs).to.equal(86_400)
      expect(plain.activation_url).to.not.equal(activation.activation_url)

      const {response: unknown} = await ok('POST', '/admin/v1/phones', {number: '+15551230003'})
      expect(await fails('POST', `/admin/v1/phones/${unknown.phone_id}/activation_url`, {}, 400, 40_002)).to.match(/Unknown/)
      await fails('POST', `/admin/v1/phones/${phone.phone_id}/activation_url`, {install: 'yes'}, 400, 40_002)
    })

    it('sends the activation, installation and passcode texts through the SMS hook, with the link filled in', async () => {
      const {response: phone} = await ok('POST', '/admin/v1/phones', {number: '+15551230004', platform: 'google android', type: 'mobile'})
      const path = `/admin/v1/phones/${phone.phone_id}`
      sms.length = 0
      const {response: sent} = await ok('POST', `${path}/send_sms_activation`, {
        activation_msg: 'Activate: <acturl>',
        install: '1',
        installation_msg: 'Install: <insturl>',
        valid_secs: '600',
      })
      expect(sent.activation_msg).to.match(/^Activate: https:\/\/m-[a-z0-9]+\.duosecurity\.com\/android\/[A-Za-z0-9]{20}$/)
      expect(sent.installation_msg).to.match(/^Install: https:\/\/m-[a-z0-9]+\.duosecurity\.com$/)
      expect(sent).to.include({valid_secs: 600})
      expect(sent.activation_barcode).to.match(/frame\/qr\?value=/)

      const {response: installation} = await ok('POST', `${path}/send_sms_installation`, {installation_msg: 'Get Duo Mobile: <insturl>'})
      expect(installation.installation_msg).to.match(/^Get Duo Mobile: https:\/\/m-/)
      expect((await ok('POST', `${path}/send_sms_passcodes`)).response).to.equal('')
      expect((await ok('GET', path)).response.sms_passcodes_sent).to.equal(true)

      expect(sms.map((s) => [s.purpose, s.phone_id, s.number])).to.deep.equal([
        ['installation', phone.phone_id, '+15551230004'],
        ['activation', phone.phone_id, '+15551230004'],
        ['installation', phone.phone_id, '+15551230004'],
        ['passcodes', phone.phone_id, '+15551230004'],
      ])
      expect(sms[1].message).to.equal(sent.activation_msg)
      expect(sms[3]).to.not.have.property('message')

      await fails('POST', `${path}/send_sms_activation`, {activation_msg: 'no link here'}, 400, 40_002)
      await fails('POST', `${path}/send_sms_installation`, {installation_msg: 'no link here'}, 400, 40_002)
      expect(sms).to.have.length(4)
      const {response: landline} = await ok('POST', '/admin/v1/phones', {number: '+15551230005', type: 'landline'})
      await fails('POST', `/admin/v1/phones/${landline.phone_id}/send_sms_passcodes`, {}, 400, 40_002)
    })

    it('an activation ends the phone\'s current Duo Mobile activation: no more push until it is used', async () => {
      const {response: phones} = await ok('GET', '/admin/v1/phones', {number: '+15550100003'})
      expect(phones[0].capabilities).to.include('push')
      await ok('POST', `/admin/v1/phones/${phones[0].phone_id}/activation_url`)
      const {response: after} = await ok('GET', `/admin/v1/phones/${phones[0].phone_id}`)
      expect(after.activated).to.equal(false)
      expect(after.capabilities).to.deep.equal(['auto', 'sms', 'phone'])
    })
  })

  describe('hardware tokens', () => {
    it('lists tokens with their users and admins; type and serial find one and need each other', async () => {
      const {metadata, response} = await ok('GET', '/admin/v1/tokens')
      expect(metadata.total_objects).to.equal(2)
      expect(response.map((t: Row) => [t.type, t.serial, t.totp_step])).to.deep.equal([['h6', '100003', null], ['t6', 'TOTP-0001', 30]])
      expect(Object.keys(response[0]).sort()).to.deep.equal(['admins', 'serial', 'token_id', 'totp_step', 'type', 'users'])
      expect(response[0].users.map((u: Row) => u.username)).to.deep.equal(['dave'])
      const found = await ok('GET', '/admin/v1/tokens', {serial: '100003', type: 'h6'})
      expect(found.response.map((t: Row) => t.token_id)).to.deep.equal([response[0].token_id])
      await fails('GET', '/admin/v1/tokens', {serial: '100003'}, 400, 40_002)
    })

    it('creates each type with its secrets, which are never returned; refuses missing or misplaced secrets and a repeated serial', async () => {
      const {response: hotpToken} = await ok('POST', '/admin/v1/tokens', {counter: '5', secret: 'a1b2c3d4e5f60718', serial: 'H-1', type: 'h6'})
      expect(hotpToken).to.deep.include({admins: [], serial: 'H-1', totp_step: null, type: 'h6', users: []})
      expect(hotpToken.token_id).to.match(/^DH[0-9A-Z]{18}$/)
      const {response: totp} = await ok('POST', '/admin/v1/tokens', {secret: 'a1b2c3d4', serial: 'T-1', totp_step: '60', type: 't8'})
      expect(totp.totp_step).to.equal(60)
      const {response: yubikey} = await ok('POST', '/admin/v1/tokens', {aes_key: 'ab'.repeat(16), private_id: 'cd'.repeat(6), serial: 'Y-1', type: 'yk'})
      for (const token of [hotpToken, totp, yubikey]) {
        const text = JSON.stringify((await ok('GET', `/admin/v1/tokens/${token.token_id}`)).response)
        expect(text).to.not.match(/secret|aes_key|private_id|counter|a1b2c3d4|abababab/)
      }

      await fails('POST', '/admin/v1/tokens', {serial: 'H-2', type: 'h6'}, 400, 40_002)
      await fails('POST', '/admin/v1/tokens', {secret: 'zz', serial: 'H-2', type: 'h6'}, 400, 40_002)
      await fails('POST', '/admin/v1/tokens', {aes_key: 'ab'.repeat(16), private_id: 'cd', serial: 'Y-2', type: 'yk'}, 400, 40_002)
      await fails('POST', '/admin/v1/tokens', {counter: '1', secret: 'ab', serial: 'T-2', type: 't6'}, 400, 40_002)
      await fails('POST', '/admin/v1/tokens', {secret: 'ab', serial: 'H-1', type: 'h6'}, 400, 40_002)
      await fails('POST', '/admin/v1/tokens', {secret: 'ab', serial: 'D-1', type: 'd1'}, 400, 40_002)
    })

    it('resyncs an HOTP token from three consecutive codes ahead of its counter, and refuses codes that are not', async () => {
      const {response} = await ok('GET', '/admin/v1/tokens', {serial: '100003', type: 'h6'})
      const path = `/admin/v1/tokens/${response[0].token_id}/resync`
      expect(await fails('POST', path, {code1: '111111', code2: '222222', code3: '333333'}, 400, 40_002)).to.match(/consecutive/)
      // The seeded token has RFC 4226's test secret: its codes at counters 1-3 are the published ones.
      expect((await ok('POST', path, {code1: RFC4226_CODES[1], code2: RFC4226_CODES[2], code3: RFC4226_CODES[3]})).response).to.equal('')
      // The counter moved past them: the same codes no longer resync, the next ones do.
      await fails('POST', path, {code1: RFC4226_CODES[1], code2: RFC4226_CODES[2], code3: RFC4226_CODES[3]}, 400, 40_002)
      expect(hotp('3132333435363738393031323334353637383930', 4, 6)).to.equal(RFC4226_CODES[4])
      await ok('POST', path, {code1: RFC4226_CODES[4], code2: RFC4226_CODES[5], code3: hotp('3132333435363738393031323334353637383930', 6, 6)})
      const totp = (await ok('GET', '/admin/v1/tokens', {serial: 'TOTP-0001', type: 't6'})).response[0]
      await fails('POST', `/admin/v1/tokens/${totp.token_id}/resync`, {code1: '1', code2: '2', code3: '3'}, 400, 40_002)
    })

    it('deleting a token detaches it from its users and is idempotent', async () => {
      const {response} = await ok('GET', '/admin/v1/tokens', {serial: '100003', type: 'h6'})
      const token = response[0]
      const daveId = token.users[0].user_id
      expect((await ok('DELETE', `/admin/v1/tokens/${token.token_id}`)).response).to.equal('')
      expect((await ok('GET', `/admin/v1/users/${daveId}/tokens`)).response).to.deep.equal([])
      await fails('GET', `/admin/v1/tokens/${token.token_id}`, {}, 404, 40_401)
      expect((await ok('DELETE', `/admin/v1/tokens/${token.token_id}`)).response).to.equal('')
    })
  })

  describe('WebAuthn, U2F and desktop authenticators', () => {
    it('lists WebAuthn credentials account-wide with their users; gets and deletes one (its user loses it)', async () => {
      const {metadata, response} = await ok('GET', '/admin/v1/webauthncredentials', {limit: '1'})
      expect(metadata).to.include({next_offset: 1, total_objects: 2})
      expect(response[0]).to.include({credential_name: 'YubiKey 5 NFC', registered_as: 'cross-platform'})
      expect(response[0].user).to.include({username: 'alice'})
      for (const field of ['webauthnkey', 'label', 'date_added', 'date_last_used', 'backup_eligible', 'backup_status', 'passwordless_authorized', 'uv_capable', 'aaguid', 'transports']) {
        expect(response[0], field).to.have.property(field)
      }

      const key = (await ok('GET', '/admin/v1/webauthncredentials', {offset: '1'})).response[0].webauthnkey
      const {response: one} = await ok('GET', `/admin/v1/webauthncredentials/${key}`)
      expect(one).to.include({credential_name: 'MacBook passkey', label: 'iCloud Keychain', registered_as: 'platform'})
      expect((await ok('DELETE', `/admin/v1/webauthncredentials/${key}`)).response).to.equal('')
      const carol = (await ok('GET', '/admin/v1/users', {username: 'carol'})).response[0]
      expect(carol.webauthncredentials).to.deep.equal([])
      await fails('GET', `/admin/v1/webauthncredentials/${key}`, {}, 404, 40_401)
      expect((await ok('DELETE', `/admin/v1/webauthncredentials/${key}`)).response).to.equal('')
    })

    it('lists U2F tokens account-wide (with the user) and per user (without); gets and deletes one', async () => {
      const {response} = await ok('GET', '/admin/v1/u2ftokens')
      expect(response).to.have.length(1)
      expect(Object.keys(response[0]).sort()).to.deep.equal(['date_added', 'registration_id', 'user'])
      expect(response[0].user).to.include({username: 'bob'})
      const bobId = response[0].user.user_id
      const {response: bobs} = await ok('GET', `/admin/v1/users/${bobId}/u2ftokens`)
      expect(bobs).to.deep.equal([{date_added: response[0].date_added, registration_id: response[0].registration_id}])
      expect((await ok('GET', `/admin/v1/u2ftokens/${response[0].registration_id}`)).response).to.deep.equal(response[0])
      expect((await ok('DELETE', `/admin/v1/u2ftokens/${response[0].registration_id}`)).response).to.equal('')
      expect((await ok('GET', `/admin/v1/users/${bobId}/u2ftokens`)).response).to.deep.equal([])
    })

    it('serves desktop authenticators at /desktop_authenticators (underscore) account-wide', async () => {
      const {response} = await ok('GET', '/admin/v1/desktop_authenticators')
      expect(response.map((d: Row) => d.device_name)).to.deep.equal(['CAROL-MBP'])
      expect(response[0].user).to.include({username: 'carol'})
      const {dakey} = response[0]
      expect((await ok('GET', `/admin/v1/desktop_authenticators/${dakey}`)).response).to.deep.equal(response[0])
      expect((await officialCall(sandbox, 'GET', '/admin/v1/desktopauthenticators')).status).to.equal(404)
      expect((await ok('DELETE', `/admin/v1/desktop_authenticators/${dakey}`)).response).to.equal('')
      await fails('GET', `/admin/v1/desktop_authenticators/${dakey}`, {}, 404, 40_401)
    })
  })

  describe('bypass codes account-wide', () => {
    it('lists metadata only, gets one, deletes one from its user', async () => {
      const {metadata, response} = await ok('GET', '/admin/v1/bypass_codes')
      expect(metadata.total_objects).to.equal(2)
      expect(Object.keys(response[0]).sort()).to.deep.equal(['admin_email', 'bypass_code_id', 'created', 'expiration', 'reuse_count', 'user'])
      expect(response[0].user).to.include({username: 'erin'})
      const [first] = response
      expect((await ok('GET', `/admin/v1/bypass_codes/${first.bypass_code_id}`)).response).to.deep.equal(first)
      expect((await ok('DELETE', `/admin/v1/bypass_codes/${first.bypass_code_id}`)).response).to.equal('')
      const erin = first.user.user_id
      expect((await ok('GET', `/admin/v1/users/${erin}/bypass_codes`)).response.map((c: Row) => c.bypass_code_id)).to.deep.equal([response[1].bypass_code_id])
      await fails('GET', `/admin/v1/bypass_codes/${first.bypass_code_id}`, {}, 404, 40_401)
      expect((await ok('DELETE', `/admin/v1/bypass_codes/${first.bypass_code_id}`)).response).to.equal('')
    })
  })

  it('reads need "Grant resource - Read" and every change "Grant resource - Write" (403 40301)', async () => {
    const reads = ['/admin/v1/phones', '/admin/v1/tokens', '/admin/v1/webauthncredentials', '/admin/v1/u2ftokens', '/admin/v1/desktop_authenticators', '/admin/v1/bypass_codes']
    for (const path of reads) expect((await officialCall(readOnly, 'GET', path)).status, path).to.equal(200)
    const phone = (await officialCall(readOnly, 'GET', '/admin/v1/phones')).body.response[0].phone_id
    const writes: Array<['DELETE' | 'POST', string]> = [
      ['POST', '/admin/v1/phones'],
      ['DELETE', `/admin/v1/phones/${phone}`],
      ['POST', `/admin/v1/phones/${phone}/activation_url`],
      ['POST', `/admin/v1/phones/${phone}/send_sms_activation`],
      ['POST', `/admin/v1/phones/${phone}/send_sms_passcodes`],
      ['DELETE', '/admin/v1/bypass_codes/DBX'],
      ['DELETE', '/admin/v1/webauthncredentials/WAX'],
    ]
    for (const [method, path] of writes) {
      const answer = await officialCall(readOnly, method, path)
      expect(answer.status, path).to.equal(403)
      expect(answer.body.code).to.equal(40_301)
      expect(answer.body.message_detail).to.contain('Grant resource - Write')
    }
  })
})
