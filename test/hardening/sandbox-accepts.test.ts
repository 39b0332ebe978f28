// Class 12 of issue 13: the sandbox accepts what Duo accepts (account_id on every call, the legacy
// group flags duo_client_python still sends) and refuses only what Duo would; paging metadata
// carries null offsets where there is none. Requests signed by Duo's official Node signer.
import {expect} from 'chai'

import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {officialCall} from '../helpers/official-signer.js'

describe('hardening: the sandbox accepts what Duo accepts (issue 13, class 12)', () => {
  let sandbox: RunningSandbox
  before(async () => {
    sandbox = await startSandbox()
  })
  after(async () => sandbox.close())

  it('takes account_id on a GET, a POST and a DELETE and ignores it', async () => {
    const listed = await officialCall(sandbox, 'GET', '/admin/v1/users', {account_id: 'DA9VZOC5X63I2W72NRP9', limit: '1'})
    expect(listed.status, JSON.stringify(listed.body)).to.equal(200)
    const created = await officialCall(sandbox, 'POST', '/admin/v1/users', {account_id: 'DA9VZOC5X63I2W72NRP9', username: 'msp-child-user'})
    expect(created.status, JSON.stringify(created.body)).to.equal(200)
    expect(created.body.response).to.not.have.property('account_id')
    const removed = await officialCall(sandbox, 'DELETE', `/admin/v1/users/${created.body.response.user_id}`, {account_id: 'DA9VZOC5X63I2W72NRP9'})
    expect(removed.status, JSON.stringify(removed.body)).to.equal(200)
  })

  it('takes the legacy group flags on create and update, and leaves the group as it would be without them', async () => {
    const flags = {mobile_otp_enabled: '1', push_enabled: '1', sms_enabled: '0', voice_enabled: '0'}
    const created = await officialCall(sandbox, 'POST', '/admin/v1/groups', {name: 'Legacy flags', ...flags})
    expect(created.status, JSON.stringify(created.body)).to.equal(200)
    const updated = await officialCall(sandbox, 'POST', `/admin/v1/groups/${created.body.response.group_id}`, {desc: 'still fine', ...flags})
    expect(updated.status, JSON.stringify(updated.body)).to.equal(200)
    expect(updated.body.response).to.include({desc: 'still fine', name: 'Legacy flags'})
  })

  it('still refuses a truly unknown parameter (40002), and a legacy group flag on a user call', async () => {
    for (const [path, params] of [
      ['/admin/v1/users', {bogus: 'x', username: 'nobody-1'}],
      ['/admin/v1/users', {push_enabled: '1', username: 'nobody-2'}],
    ] as Array<[string, Record<string, string>]>) {
      const refused = await officialCall(sandbox, 'POST', path, params)
      expect(refused.status).to.equal(400)
      expect(refused.body.code).to.equal(40_002)
    }
  })

  it('paging metadata has next_offset and prev_offset null where there is none', async () => {
    const first = await officialCall(sandbox, 'GET', '/admin/v1/users', {limit: '2'})
    expect(first.body.metadata).to.include({next_offset: 2, prev_offset: null})
    const all = await officialCall(sandbox, 'GET', '/admin/v1/users', {limit: '300'})
    expect(all.body.metadata).to.include({next_offset: null, prev_offset: null})
    const last = await officialCall(sandbox, 'GET', '/admin/v1/users', {limit: '2', offset: String(all.body.metadata.total_objects - 1)})
    expect(last.body.metadata.next_offset).to.equal(null)
    expect(last.body.metadata.prev_offset).to.be.a('number')
  })
})
