import {expect} from 'chai'

import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {officialCall} from '../helpers/official-signer.js'

describe('sandbox: requests signed by Duo\'s official Node signer', () => {
  let sandbox: RunningSandbox
  before(async () => {
    sandbox = await startSandbox({port: 0})
  })
  after(() => sandbox.close())

  it('answers a signed GET with a page of users and paging metadata', async () => {
    const answer = await officialCall(sandbox, 'GET', '/admin/v1/users', {limit: '2', offset: '0'})
    expect(answer.status).to.equal(200)
    expect(answer.body.stat).to.equal('OK')
    expect(answer.body.response).to.have.length(2)
    expect(answer.body.metadata.next_offset).to.equal(2)
  })

  it('accepts a signed POST form and refuses the same request with the signature of another', async () => {
    const created = await officialCall(sandbox, 'POST', '/admin/v1/users', {realname: 'Signed By Duo', username: 'official-signer'})
    expect(created.status).to.equal(200)
    expect(created.body.response.username).to.equal('official-signer')
    const wrongKey = await officialCall({...sandbox, skey: 'x'.repeat(40)}, 'GET', '/admin/v1/users')
    expect(wrongKey.status).to.equal(401)
  })
})
