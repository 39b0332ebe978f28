import {expect} from 'chai'

import {officialCall} from '../helpers/official-signer.js'
import {sandboxSession} from '../helpers/sandbox-session.js'

type Summary = Record<string, number>

describe('duo info (built CLI, sandbox)', function () {
  this.timeout(60_000)
  const duo = sandboxSession()

  it('counts the account\'s users, and moves a trashed user to the Trash count', async () => {
    const before = await duo.json<Summary>(['info'])
    const users = await duo.json<Array<{username: string}>>(['users', 'list', '--limit', '300'])
    expect(before.user_count).to.equal(users.length)
    expect(before.user_pending_deletion_count).to.equal(0)
    expect(before).to.have.all.keys('admin_count', 'integration_count', 'telephony_credits_remaining', 'user_count', 'user_pending_deletion_count')

    expect((await duo.run(['users', 'trash', users[0].username, '--yes'])).code).to.equal(0)
    const after = await duo.json<Summary>(['info'])
    expect([after.user_count, after.user_pending_deletion_count]).to.deep.equal([before.user_count - 1, 1])
  })

  it('prints the counts as a table for people', async () => {
    const {code, stdout} = await duo.run(['info'])
    expect(code).to.equal(0)
    expect(stdout).to.match(/^WHAT\s+COUNT$/m).and.match(/^administrators\s+1$/m).and.match(/^telephony credits left\s+\d+$/m)
  })

  it('answers a request signed by Duo\'s official Node signer with the summary', async () => {
    const answer = await officialCall(duo.sandbox, 'GET', '/admin/v1/info/summary')
    expect(answer.status).to.equal(200)
    expect(answer.body.response.user_count).to.be.a('number')
  })
})

describe('duo info without the "Grant read information" permission', function () {
  this.timeout(60_000)
  const duo = sandboxSession({permissions: {info: false}})

  it('fails with exit 3 and names the permission to grant', async () => {
    const {code, stderr, stdout} = await duo.run(['info'])
    expect(code).to.equal(3)
    expect(stdout).to.equal('')
    expect(stderr).to.contain('Grant read information')
  })
})
