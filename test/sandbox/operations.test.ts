// Every catalog operation, over real HTTP, through the same client and invoke() the CLI uses.
import {expect} from 'chai'

import type {DuoEnvelope} from '../../src/core/calls.js'
import type {DuoClient} from '../../src/transport/client.js'
import {invoke} from '../../src/core/invoke.js'
import {type OperationName, operations} from '../../src/core/catalog/index.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {clientFor, expectDuoError} from './helpers.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Duo's JSON, read field by field in assertions
type Any = any

describe('sandbox: every catalog operation', () => {
  let sandbox: RunningSandbox
  let client: DuoClient
  const covered = new Set<string>()
  const ids = new Map<string, Any>()

  before(async () => {
    sandbox = await startSandbox({pushDelayMs: 150})
    client = clientFor(sandbox)
    const all = await call('listusers')
    for (const user of all.response) ids.set(user.username, user)
  })
  after(async () => {
    client.close()
    await sandbox.close()
  })

  function call(operation: OperationName, input: Record<string, unknown> = {}): Promise<DuoEnvelope<Any>> {
    covered.add(operation)
    return invoke<Any>(client, operation, input)
  }

  const userId = (username: string) => ids.get(username).user_id as string

  describe('users', () => {
    it('listusers: the demo set, with full user objects', async () => {
      const {metadata, response} = await call('listusers')
      expect(response.map((u: Any) => u.username)).to.deep.equal(['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'oscar'])
      expect(metadata).to.deep.equal({next_offset: null, prev_offset: null, total_objects: 9})
      expect(response.map((u: Any) => u.status)).to.deep.equal(['active', 'active', 'active', 'active', 'active', 'bypass', 'disabled', 'active', 'locked out'])
      const alice = response[0]
      expect(alice.user_id).to.match(/^DU[A-Z0-9]{18}$/)
      expect(alice).to.include({
        alias1: 'asmith',
        alias2: null,
        email: 'alice@example.com',
        firstname: 'Alice',
        is_enrolled: true,
        last_directory_sync: null,
        lastname: 'Smith',
        lockout_reason: null,
        notes: '',
        realname: 'Alice Smith',
      })
      expect(alice.aliases).to.deep.equal({alias1: 'asmith'})
      expect(alice.created).to.be.a('number')
      expect(alice.phones).to.have.length(1)
      expect(alice.phones[0]).to.include({activated: true, platform: 'Apple iOS', type: 'Mobile'})
      expect(alice.phones[0].phone_id).to.match(/^DP[A-Z0-9]{18}$/)
      expect(alice.phones[0].capabilities).to.include('push')
      expect(alice.groups.map((g: Any) => g.name)).to.deep.equal(['Engineering'])
      expect(alice.groups[0].group_id).to.match(/^DG[A-Z0-9]{18}$/)
      expect(alice.webauthncredentials).to.have.length(1)
      expect(alice.tokens).to.deep.equal([])
      expect(alice.u2ftokens).to.deep.equal([])
      expect(alice).to.not.have.property('bypass_codes')
      expect(response[3].tokens[0]).to.include({serial: '100003', type: 'h6'})
      expect(response[3].tokens[0].token_id).to.match(/^DH[A-Z0-9]{18}$/)
      expect(response[5].is_enrolled).to.equal(false)
    })

    it('listusers: username matches aliases; email; id and username lists', async () => {
      expect((await call('listusers', {username: 'asmith'})).response.map((u: Any) => u.username)).to.deep.equal(['alice'])
      expect((await call('listusers', {username: 'nobody'})).response).to.deep.equal([])
      expect((await call('listusers', {email: 'BOB@example.com'})).response.map((u: Any) => u.username)).to.deep.equal(['bob'])
      const byIds = await call('listusers', {user_id_list: [userId('carol'), userId('alice'), 'DUNOSUCHUSER000000000']})
      expect(byIds.response.map((u: Any) => u.username)).to.deep.equal(['carol', 'alice'])
      const byNames = await call('listusers', {username_list: ['dave', 'erin']})
      expect(byNames.response.map((u: Any) => u.user_id)).to.deep.equal([userId('dave'), userId('erin')])
    })

    it('createuser: a user object; duplicate usernames and aliases are refused (40002)', async () => {
      const {response} = await call('createuser', {
        aliases: 'alias1=nb&alias5=newbie.five',
        email: 'newbie@example.com',
        realname: 'New Bie',
        status: 'bypass',
        username: 'newbie',
      })
      expect(response).to.include({email: 'newbie@example.com', is_enrolled: false, realname: 'New Bie', status: 'bypass', username: 'newbie'})
      expect(response.aliases).to.deep.equal({alias1: 'nb', alias5: 'newbie.five'})
      expect(response.user_id).to.match(/^DU[A-Z0-9]{18}$/)
      expect(response.created).to.be.closeTo(Date.now() / 1000, 5)
      ids.set('newbie', response)
      await expectDuoError(call('createuser', {username: 'NEWBIE'}), 400, 40_002)
      await expectDuoError(call('createuser', {username: 'asmith'}), 400, 40_002)
      const error = await expectDuoError(call('createuser', {alias1: 'bob', username: 'other'}), 400, 40_002)
      expect(error.detail).to.match(/^alias/)
    })

    it('getuser: the user; an unknown id is 404 40401', async () => {
      const {response} = await call('getuser', {user_id: userId('newbie')})
      expect(response).to.include({realname: 'New Bie', username: 'newbie'})
      await expectDuoError(call('getuser', {user_id: 'DUNOSUCHUSER000000000'}), 404, 40_401)
    })

    it('updateuser: renames and changes fields; alias slots clear with ""; a taken name is refused', async () => {
      const {response} = await call('updateuser', {alias1: '', notes: 'changed', status: 'disabled', user_id: userId('newbie'), username: 'newbie2'})
      expect(response).to.include({alias1: null, notes: 'changed', realname: 'New Bie', status: 'disabled', username: 'newbie2'})
      expect(response.aliases).to.deep.equal({alias5: 'newbie.five'})
      expect((await call('listusers', {username: 'newbie'})).response).to.deep.equal([])
      expect((await call('listusers', {username: 'newbie.five'})).response[0].username).to.equal('newbie2')
      await expectDuoError(call('updateuser', {user_id: userId('newbie'), username: 'bob'}), 400, 40_002)
    })

    it('deleteuser: "" and gone; deleting again is still 200 ""', async () => {
      expect((await call('deleteuser', {user_id: userId('newbie')})).response).to.equal('')
      await expectDuoError(call('getuser', {user_id: userId('newbie')}), 404, 40_401)
      expect((await call('deleteuser', {user_id: userId('newbie')})).response).to.equal('')
    })

    it('enrolluser: creates the user (active, not enrolled) and answers a string', async () => {
      const {response} = await call('enrolluser', {email: 'enrollee@example.com', username: 'enrollee'})
      expect(response).to.equal('')
      const [user] = (await call('listusers', {username: 'enrollee'})).response
      expect(user).to.include({email: 'enrollee@example.com', is_enrolled: false, status: 'active'})
    })
  })

  describe('bulk user calls', () => {
    it('bulkcreateusers: returns the created users; one bad row creates none', async () => {
      const {response} = await call('bulkcreateusers', {
        users: [
          {email: 'b1@example.com', realname: 'Bulk One', username: 'bulk1'},
          {status: 'disabled', username: 'bulk2'},
        ],
      })
      expect(response.map((u: Any) => [u.username, u.status])).to.deep.equal([
        ['bulk1', 'active'],
        ['bulk2', 'disabled'],
      ])
      expect(response[0]).to.include({email: 'b1@example.com', realname: 'Bulk One'})
      for (const user of response) ids.set(user.username, user)

      const error = await expectDuoError(call('bulkcreateusers', {users: [{username: 'bulk3'}, {username: 'bob'}]}), 400, 40_002)
      expect(error.detail).to.match(/users\[1\]/)
      expect((await call('listusers', {username: 'bulk3'})).response).to.deep.equal([])
    })

    it('bulksenduserstotrash: "pending deletion", still listed', async () => {
      expect((await call('bulksenduserstotrash', {user_id_list: [userId('bulk1'), userId('bulk2')]})).response).to.equal('')
      const {response} = await call('listusers', {username_list: ['bulk1', 'bulk2']})
      expect(response.map((u: Any) => u.status)).to.deep.equal(['pending deletion', 'pending deletion'])
      await expectDuoError(call('bulksenduserstotrash', {user_id_list: ['DUNOSUCHUSER000000000']}), 400, 40_002)
    })

    it('bulkrestoreusers: back to active', async () => {
      expect((await call('bulkrestoreusers', {user_id_list: [userId('bulk1')]})).response).to.equal('')
      const {response} = await call('listusers', {username_list: ['bulk1', 'bulk2']})
      expect(response.map((u: Any) => u.status)).to.deep.equal(['active', 'pending deletion'])
    })
  })

  describe('bypass codes', () => {
    it('listuserbypasscodes: metadata only, never the codes', async () => {
      const {metadata, response} = await call('listuserbypasscodes', {user_id: userId('erin')})
      expect(metadata).to.deep.equal({next_offset: null, prev_offset: null, total_objects: 2})
      expect(response[0]).to.have.all.keys('admin_email', 'bypass_code_id', 'created', 'expiration', 'reuse_count', 'user')
      expect(response[0].user).to.include({user_id: userId('erin'), username: 'erin'})
    })

    it('createuserbypasscodes: random 9-digit codes replace the old ones; explicit codes can be added', async () => {
      const {response} = await call('createuserbypasscodes', {count: 3, reuse_count: 0, user_id: userId('erin'), valid_secs: 3600})
      expect(response).to.have.length(3)
      for (const code of response) expect(code).to.match(/^\d{9}$/)
      let list = await call('listuserbypasscodes', {user_id: userId('erin')})
      expect(list.metadata!.total_objects).to.equal(3)
      expect(list.response[0].reuse_count).to.equal(null)
      expect(list.response[0].expiration - list.response[0].created).to.equal(3600)

      const kept = await call('createuserbypasscodes', {codes: '123456789,987654321', preserve_existing: true, user_id: userId('erin')})
      expect(kept.response).to.deep.equal(['123456789', '987654321'])
      list = await call('listuserbypasscodes', {user_id: userId('erin')})
      expect(list.metadata!.total_objects).to.equal(5)
      await expectDuoError(call('createuserbypasscodes', {codes: '123456789', preserve_existing: true, user_id: userId('erin')}), 400, 40_002)

      expect((await call('createuserbypasscodes', {user_id: userId('frank')})).response).to.have.length(10)
    })
  })

  describe('groups, phones and tokens of a user', () => {
    it('listusergroups', async () => {
      const {metadata, response} = await call('listusergroups', {user_id: userId('carol')})
      expect(response.map((g: Any) => g.name)).to.deep.equal(['Engineering', 'Helpdesk'])
      expect(metadata).to.deep.equal({next_offset: null, prev_offset: null, total_objects: 2})
    })

    it('associateusergroup: "" and a member; an unknown group is 400 40002', async () => {
      const helpdesk = ids.get('carol').groups[1].group_id
      expect((await call('associateusergroup', {group_id: helpdesk, user_id: userId('bob')})).response).to.equal('')
      expect((await call('listusergroups', {user_id: userId('bob')})).response.map((g: Any) => g.name)).to.deep.equal(['Engineering', 'Helpdesk'])
      await expectDuoError(call('associateusergroup', {group_id: 'DGNOSUCHGROUP00000000', user_id: userId('bob')}), 400, 40_002)
    })

    it('disassociateusergroup: "" even when not a member', async () => {
      const helpdesk = ids.get('carol').groups[1].group_id
      expect((await call('disassociateusergroup', {group_id: helpdesk, user_id: userId('bob')})).response).to.equal('')
      expect((await call('disassociateusergroup', {group_id: helpdesk, user_id: userId('bob')})).response).to.equal('')
      expect((await call('listusergroups', {user_id: userId('bob')})).response.map((g: Any) => g.name)).to.deep.equal(['Engineering'])
    })

    it('listuserphones', async () => {
      const {response} = await call('listuserphones', {user_id: userId('bob')})
      expect(response).to.have.length(1)
      expect(response[0]).to.include({model: 'Google Pixel 8', platform: 'Google Android', type: 'Mobile'})
      expect(response[0]).to.have.property('last_seen')
    })

    it('associateuserphone and disassociateuserphone (the phone itself stays)', async () => {
      const phoneId = ids.get('alice').phones[0].phone_id
      expect((await call('associateuserphone', {phone_id: phoneId, user_id: userId('heidi')})).response).to.equal('')
      expect((await call('getuser', {user_id: userId('heidi')})).response).to.include({is_enrolled: true})
      expect((await call('listuserphones', {user_id: userId('heidi')})).response.map((p: Any) => p.phone_id)).to.deep.equal([phoneId])
      expect((await call('disassociateuserphone', {phone_id: phoneId, user_id: userId('heidi')})).response).to.equal('')
      expect((await call('listuserphones', {user_id: userId('heidi')})).response).to.deep.equal([])
      expect((await call('listuserphones', {user_id: userId('alice')})).response.map((p: Any) => p.phone_id)).to.deep.equal([phoneId])
      await expectDuoError(call('associateuserphone', {phone_id: 'DPNOSUCHPHONE00000000', user_id: userId('heidi')}), 400, 40_002)
    })

    it('listusertokens, associateusertoken, disassociateusertoken', async () => {
      const {response} = await call('listusertokens', {user_id: userId('dave')})
      expect(response).to.have.length(1)
      expect(response[0]).to.include({serial: '100003', totp_step: null, type: 'h6'})
      const tokenId = response[0].token_id
      expect((await call('associateusertoken', {token_id: tokenId, user_id: userId('heidi')})).response).to.equal('')
      expect((await call('listusertokens', {user_id: userId('heidi')})).response[0].token_id).to.equal(tokenId)
      expect((await call('disassociateusertoken', {token_id: tokenId, user_id: userId('heidi')})).response).to.equal('')
      expect((await call('disassociateusertoken', {token_id: tokenId, user_id: userId('heidi')})).response).to.equal('')
      expect((await call('listusertokens', {user_id: userId('heidi')})).response).to.deep.equal([])
    })

    it('listuserwebauthncredentials', async () => {
      const {metadata, response} = await call('listuserwebauthncredentials', {user_id: userId('alice')})
      expect(metadata).to.deep.equal({next_offset: null, prev_offset: null, total_objects: 1})
      expect(response[0]).to.include({credential_name: 'YubiKey 5 NFC', registered_as: 'cross-platform'})
      expect(response[0].webauthnkey).to.match(/^WA[A-Z0-9]{18}$/)
      expect(response[0].user).to.include({username: 'alice'})
    })

    it('listuserdesktopauthenticators', async () => {
      const {response} = await call('listuserdesktopauthenticators', {user_id: userId('carol')})
      expect(response).to.have.length(1)
      expect(response[0]).to.include({device_name: 'CAROL-MBP', os_family: 'macOS'})
      expect(response[0]).to.have.all.keys('daid', 'dakey', 'device_name', 'duo_desktop_version', 'os_family', 'user')
      expect((await call('listuserdesktopauthenticators', {user_id: userId('bob')})).response).to.deep.equal([])
    })
  })

  describe('directory sync', () => {
    let directoryKey: string

    it('listuserdirectorysyncs: the seeded Entra ID directory', async () => {
      const {response} = await call('listuserdirectorysyncs')
      expect(response).to.have.length(1)
      expect(response[0]).to.include({directory_type: 'azure', name: 'Example Entra ID'})
      directoryKey = response[0].directory_key
    })

    it('syncdirectoryuser: creates or refreshes the user; an unknown directory is 404', async () => {
      const {response} = await call('syncdirectoryuser', {directory_key: directoryKey, username: 'synced.user'})
      expect(response).to.include({status: 'active', username: 'synced.user'})
      expect(response.last_directory_sync).to.be.closeTo(Date.now() / 1000, 5)
      expect(response.external_id).to.be.a('string')
      const again = await call('syncdirectoryuser', {directory_key: directoryKey, username: 'synced.user'})
      expect(again.response.user_id).to.equal(response.user_id)
      await expectDuoError(call('syncdirectoryuser', {directory_key: 'nosuchdirectory', username: 'x'}), 404, 40_401)
    })
  })

  describe('verification push', () => {
    let pushId: string

    it('sendverificationpush: push_id and a 6-digit code; only to the user\'s own push-capable phone', async () => {
      const {response} = await call('sendverificationpush', {phone_id: ids.get('alice').phones[0].phone_id, user_id: userId('alice')})
      expect(response.push_id).to.be.a('string')
      expect(response.confirmation_code).to.match(/^\d{6}$/)
      pushId = response.push_id
      await expectDuoError(call('sendverificationpush', {phone_id: ids.get('bob').phones[0].phone_id, user_id: userId('alice')}), 400, 40_002)
      await expectDuoError(call('sendverificationpush', {phone_id: ids.get('erin').phones[0].phone_id, user_id: userId('erin')}), 400, 40_002)
    })

    it('getverificationpushresponse: waiting, then approve; an unknown push is 404', async () => {
      const first = await call('getverificationpushresponse', {push_id: pushId, user_id: userId('alice')})
      expect(first.response).to.deep.equal({push_id: pushId, result: 'waiting'})
      await new Promise((resolve) => setTimeout(resolve, 200))
      const later = await call('getverificationpushresponse', {push_id: pushId, user_id: userId('alice')})
      expect(later.response).to.deep.equal({push_id: pushId, result: 'approve'})
      await expectDuoError(call('getverificationpushresponse', {push_id: pushId, user_id: userId('bob')}), 404, 40_401)
      await expectDuoError(call('getverificationpushresponse', {push_id: 'nope', user_id: userId('alice')}), 404, 40_401)
    })
  })

  describe('groups', () => {
    let qa: Any

    it('listgroups, also by id list', async () => {
      const {metadata, response} = await call('listgroups')
      expect(response.map((g: Any) => g.name)).to.deep.equal(['Engineering', 'Helpdesk', 'Contractors'])
      expect(metadata).to.deep.equal({next_offset: null, prev_offset: null, total_objects: 3})
      expect(response[0]).to.include({desc: 'Product engineers', push_enabled: true, status: 'active'})
      const byId = await call('listgroups', {group_id_list: [response[2].group_id]})
      expect(byId.response.map((g: Any) => g.name)).to.deep.equal(['Contractors'])
    })

    it('creategroup: a group object; a taken name is refused', async () => {
      qa = (await call('creategroup', {desc: 'Quality', name: 'QA'})).response
      expect(qa).to.include({desc: 'Quality', name: 'QA', status: 'active'})
      expect(qa.group_id).to.match(/^DG[A-Z0-9]{18}$/)
      await expectDuoError(call('creategroup', {name: 'qa'}), 400, 40_002)
    })

    it('updategroup', async () => {
      const {response} = await call('updategroup', {group_id: qa.group_id, status: 'bypass'})
      expect(response).to.include({desc: 'Quality', name: 'QA', status: 'bypass'})
      await expectDuoError(call('updategroup', {group_id: 'DGNOSUCHGROUP00000000', name: 'x'}), 404, 40_401)
    })

    it('getgroupv2', async () => {
      const {response} = await call('getgroupv2', {group_id: qa.group_id})
      expect(response).to.deep.equal({...qa, status: 'bypass'})
      await expectDuoError(call('getgroupv2', {group_id: 'DGNOSUCHGROUP00000000'}), 404, 40_401)
    })

    it('listgroupusersv2: user_id and username of each member', async () => {
      const engineering = ids.get('alice').groups[0].group_id
      const {metadata, response} = await call('listgroupusersv2', {group_id: engineering})
      expect(response).to.deep.equal(['alice', 'bob', 'carol', 'oscar'].map((name) => ({user_id: userId(name), username: name})))
      expect(metadata).to.deep.equal({next_offset: null, prev_offset: null, total_objects: 4})
    })
  })

  describe('bulk operations', () => {
    it('bulkoperations: one result per operation, failures in place', async () => {
      const contractors = ids.get('frank').groups[0].group_id
      covered.add('bulkoperations')
      // Sent as is: prepareCall would refuse the GET before sending, and this is about the sandbox's answer.
      const {response} = await client.request<Any>('POST', '/admin/v1/bulk', {
        operations: [
          {body: {realname: 'Bulk Op', username: 'bulkop'}, method: 'POST', path: '/admin/v1/users'},
          {body: {username: 'alice'}, method: 'POST', path: '/admin/v1/users'},
          {body: {notes: 'via bulk'}, method: 'POST', path: `/admin/v1/users/${userId('heidi')}`},
          {body: {group_id: contractors}, method: 'POST', path: `/admin/v1/users/${userId('alice')}/groups`},
          {method: 'DELETE', path: `/admin/v1/users/${userId('alice')}/groups/${contractors}`},
          {method: 'DELETE', path: `/admin/v1/users/${userId('bulk2')}`},
          {method: 'GET', path: '/admin/v1/users'},
        ],
      })
      expect(response.map((r: Any) => r.stat)).to.deep.equal(['OK', 'FAIL', 'OK', 'OK', 'OK', 'OK', 'FAIL'])
      expect(response[0].response).to.include({realname: 'Bulk Op', username: 'bulkop'})
      expect(response[1]).to.include({code: 40_002, message: 'Invalid request parameters'})
      expect(response[2].response.notes).to.equal('via bulk')
      expect(response.slice(3, 6).map((r: Any) => r.response)).to.deep.equal(['', '', ''])
      expect(response[6].code).to.equal(40_002)
      await expectDuoError(call('getuser', {user_id: userId('bulk2')}), 404, 40_401)
    })

    it('bulkoperations over a v2 form: operations as a JSON string', async () => {
      const v2 = clientFor(sandbox, {signatureVersion: 2})
      try {
        const {response} = await invoke<Any>(v2, 'bulkoperations', {
          operations: [{body: {username: 'formbulk'}, method: 'POST', path: '/admin/v1/users'}],
        })
        expect(response[0]).to.include({stat: 'OK'})
        expect(response[0].response.username).to.equal('formbulk')
      } finally {
        v2.close()
      }
    })
  })

  // The same endpoints signed by Duo's official Node signer: test/sandbox/devices.test.ts. Here, through our client (v5, JSON bodies).
  describe('devices account-wide', () => {
    it('phones: create, find by number, modify, activate, text, delete', async () => {
      const {response: phone} = await call('createphone', {number: '+15552220001', platform: 'apple ios', type: 'mobile'})
      expect((await call('listphones', {number: '+15552220001'})).response.map((p: Any) => p.phone_id)).to.deep.equal([phone.phone_id])
      expect((await call('updatephone', {name: 'Desk', phone_id: phone.phone_id})).response.name).to.equal('Desk')
      expect((await call('getphone', {phone_id: phone.phone_id})).response.platform).to.equal('Apple iOS')
      expect((await call('createphoneactivationurl', {phone_id: phone.phone_id, valid_secs: 60})).response.valid_secs).to.equal(60)
      expect((await call('sendphonesmsactivation', {install: 1, phone_id: phone.phone_id})).response.installation_msg).to.contain('https://m-')
      expect((await call('sendphonesmsinstallation', {phone_id: phone.phone_id})).response.installation_msg).to.contain('https://m-')
      expect((await call('sendphonesmspasscodes', {phone_id: phone.phone_id})).response).to.equal('')
      expect((await call('deletephone', {phone_id: phone.phone_id})).response).to.equal('')
      await expectDuoError(call('getphone', {phone_id: phone.phone_id}), 404, 40_401)
    })

    it('tokens: create, find by type and serial, get, resync refused for wrong codes, delete', async () => {
      const {response: token} = await call('createtoken', {secret: 'ab12cd34', serial: 'OPS-1', type: 'h8'})
      expect((await call('listtokens', {serial: 'OPS-1', type: 'h8'})).response.map((t: Any) => t.token_id)).to.deep.equal([token.token_id])
      expect((await call('gettoken', {token_id: token.token_id})).response).to.include({serial: 'OPS-1', type: 'h8'})
      await expectDuoError(call('resynctoken', {code1: '11111111', code2: '22222222', code3: '33333333', token_id: token.token_id}), 400, 40_002)
      expect((await call('deletetoken', {token_id: token.token_id})).response).to.equal('')
    })

    it('WebAuthn, U2F, desktop authenticators and bypass codes: list, get, delete', async () => {
      const kinds: Array<[OperationName, OperationName, OperationName, string]> = [
        ['listwebauthncredentials', 'getwebauthncredential', 'deletewebauthncredential', 'webauthnkey'],
        ['listu2ftokens', 'getu2ftoken', 'deleteu2ftoken', 'registration_id'],
        ['listdesktopauthenticators', 'getdesktopauthenticator', 'deletedesktopauthenticator', 'dakey'],
        ['listbypasscodes', 'getbypasscode', 'deletebypasscode', 'bypass_code_id'],
      ]
      for (const [list, get, remove, key] of kinds) {
        const {response} = await call(list)
        expect(response.length, list).to.be.greaterThan(0)
        expect((await call(get, {[key]: response[0][key]})).response, get).to.deep.equal(response[0])
        expect((await call(remove, {[key]: response[0][key]})).response, remove).to.equal('')
        await expectDuoError(call(get, {[key]: response[0][key]}), 404, 40_401)
      }

      expect((await call('listuseru2ftokens', {user_id: userId('bob')})).response).to.deep.equal([])
    })
  })

  describe('logs (each log\'s paging and window rules are in logs.test.ts)', () => {
    const day = 86_400_000
    const window = () => ({maxtime: Date.now(), mintime: Date.now() - 7 * day})

    it('v2 logs answer rows and metadata inside response', async () => {
      const auth = await call('listauthlogs', {...window(), limit: 2})
      expect(auth.response.authlogs).to.have.length(2)
      expect(auth.response.metadata.next_offset).to.have.length(2)
      for (const operation of ['listtelephonylogs', 'listactivitylogs'] as const) {
        const {response} = await call(operation, {...window(), limit: 1})
        expect(response.items, operation).to.have.length(1)
        expect(response.metadata.total_objects.relation, operation).to.equal('eq')
      }

      const tm = await call('listtrustmonitorevents', {...window(), limit: 1})
      expect(tm.response.events).to.have.length(1)
    })

    it('v1 logs answer a plain array of rows at or after mintime (seconds)', async () => {
      const mintime = Math.floor(Date.now() / 1000) - 30 * 86_400
      for (const operation of ['listadminlogs', 'listofflineenrollmentlogs', 'listtelephonylogsv1'] as const) {
        const {response} = await call(operation, {mintime})
        expect(response, operation).to.be.an('array').with.length.greaterThan(0)
        expect(response.every((row: Any) => row.timestamp >= mintime), operation).to.equal(true)
      }
    })
  })

  describe('account', () => {
    it('summary: counts of users, users in the Trash, administrators, integrations, credits', async () => {
      const {response} = await call('getinfosummary')
      expect(Object.keys(response).sort()).to.deep.equal(['admin_count', 'integration_count', 'telephony_credits_remaining', 'user_count', 'user_pending_deletion_count'])
    })
  })

  describe('MSP child accounts (Accounts API) and their billing', () => {
    it('listaccounts, createaccount, deleteaccount on the parent; billing through a client for the child', async () => {
      const listed = await call('listaccounts')
      expect(listed.response.map((a: Any) => a.name)).to.deep.equal(['Acme Dental', 'Globex Logistics'])
      const created = (await call('createaccount', {name: 'Initech'})).response
      expect(Object.keys(created).sort()).to.deep.equal(['account_id', 'api_hostname', 'name'])
      // The billing calls go where a child's calls go: its host, with its account_id (the client adds both).
      const child = clientFor(sandbox, {account: created})
      try {
        for (const operation of ['getbillingedition', 'gettelephonycredits'] as const) covered.add(operation)
        expect((await invoke<Any>(child, 'getbillingedition')).response).to.deep.equal({edition: 'ENTERPRISE'})
        expect((await invoke<Any>(child, 'gettelephonycredits')).response).to.deep.equal({credits: 0})
      } finally {
        child.close()
      }

      expect((await call('deleteaccount', {account_id: created.account_id})).response).to.equal('')
      await expectDuoError(call('deleteaccount', {account_id: created.account_id}), 404, 40_401)
    })
  })

  describe('coverage', () => {
    it('exercised every operation of the catalog', () => {
      expect([...covered].sort()).to.deep.equal(operations.map((o) => o.name).sort())
    })
  })
})
