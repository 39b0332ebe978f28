// --fields and --query work on every command that prints one record, as on lists: JSON keeps only
// the fields named (in that order), the record view shows only those, a field the record does not
// have is a usage error listing the ones it has, and --query applies JMESPath to the JSON record.
// Built CLI, sandbox.
import {expect} from 'chai'

import {sandboxSession} from '../helpers/sandbox-session.js'

type Row = Record<string, unknown>

describe('--fields and --query on single records (built CLI, sandbox)', function () {
  this.timeout(90_000)
  const duo = sandboxSession()

  it('users get: JSON keeps only the fields named, in their order; the record view shows only those', async () => {
    const json = await duo.json<Row>(['users', 'get', 'alice', '--fields', 'status,username'])
    expect(Object.entries(json)).to.deep.equal([['status', 'active'], ['username', 'alice']])
    const human = await duo.run(['users', 'get', 'alice', '--fields', 'username,status,last_login'])
    expect(human.code, human.stderr).to.equal(0)
    expect(human.stdout).to.match(/^username\s+alice\nstatus\s+active\nlast_login\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\n$/)
    // --columns is the same flag, as on lists.
    expect(await duo.json<Row>(['users', 'get', 'alice', '--columns', 'user_id'])).to.have.keys(['user_id'])
  })

  it('a field the record does not have: exit 2, naming it and listing the valid ones', async () => {
    const [human, json, empty] = await Promise.all([
      duo.run(['users', 'get', 'alice', '--fields', 'username,colour,shade']),
      duo.run(['groups', 'get', 'Engineering', '--fields', 'nope', '--json']),
      duo.run(['info', '--fields', ',']),
    ])
    expect(human.code).to.equal(2)
    expect(human.stdout).to.equal('')
    expect(human.stderr).to.contain('Error: Unknown fields "colour", "shade".').and.match(/Hint: Valid fields: .*\busername\b/)
    expect(human.stderr).to.contain('email, enable_auto_prompt')
    expect(json.code).to.equal(2)
    const error = JSON.parse(json.stderr).error as {exitCode: number; hint: string; message: string}
    expect(error).to.include({exitCode: 2, message: 'Unknown field "nope".'})
    expect(error.hint).to.contain('group_id').and.contain('name')
    expect(empty.code).to.equal(2)
    expect(empty.stderr).to.contain('--fields names no field.')
  })

  it('groups get, phones get and info', async () => {
    expect(await duo.json(['groups', 'get', 'Engineering', '--fields', 'name,status'])).to.deep.equal({name: 'Engineering', status: 'active'})
    const phone = await duo.run(['phones', 'get', '+15550100001', '--fields', 'number,platform'])
    expect(phone.code, phone.stderr).to.equal(0)
    expect(phone.stdout).to.match(/^number\s+\+15550100001\nplatform\s+Apple iOS\n$/)
    const info = await duo.json<Row>(['info', '--fields', 'user_count,admin_count'])
    expect(Object.keys(info)).to.deep.equal(['user_count', 'admin_count'])
    expect(info.user_count).to.be.a('number')
    const human = await duo.run(['info', '--fields', 'telephony_credits_remaining'])
    expect(human.stdout).to.match(/^telephony_credits_remaining\s+\d+\n$/)
  })

  it('tokens, webauthn, desktop-authenticators and bypass-codes get', async () => {
    for (const [topic, id] of [['tokens', 'token_id'], ['webauthn', 'webauthnkey'], ['desktop-authenticators', 'dakey'], ['bypass-codes', 'bypass_code_id']]) {
      const [first] = await duo.json<Row[]>([topic, 'list'])
      expect(await duo.json([topic, 'get', String(first[id]), '--fields', id]), topic).to.deep.equal({[id]: first[id]})
      const human = await duo.run([topic, 'get', String(first[id]), '--fields', id])
      expect(human.stdout, topic).to.equal(`${id}  ${String(first[id])}\n`)
    }
  })

  it('users verify-push result', async () => {
    const sent = await duo.json<Row>(['users', 'verify-push', 'send', 'alice', '--yes'])
    const result = await duo.json<Row>(['users', 'verify-push', 'result', 'alice', String(sent.push_id), '--fields', 'result'])
    expect(Object.keys(result)).to.deep.equal(['result'])
  })

  it('--query applies JMESPath to the JSON record, after --fields; it needs --json, and a bad one is refused before any request', async () => {
    expect(await duo.json(['users', 'get', 'alice', '--query', 'phones[].number'])).to.deep.equal(['+15550100001'])
    expect(await duo.json(['users', 'get', 'alice', '--fields', 'username,groups', '--query', 'keys(@)'])).to.deep.equal(['username', 'groups'])
    expect(await duo.json(['phones', 'get', '+15550100001', '--query', '{number: number, users: users[].username}'])).to.deep.equal({
      number: '+15550100001',
      users: ['alice'],
    })
    const before = duo.sandbox.requestCount()
    const [noJson, bad] = await Promise.all([
      duo.run(['users', 'get', 'alice', '--query', 'username']),
      duo.run(['groups', 'get', 'Engineering', '--json', '--query', '[?name==']),
    ])
    expect(noJson.code).to.equal(2)
    expect(noJson.stderr).to.contain('--query works on JSON.').and.contain('Add --json.')
    expect(bad.code).to.equal(2)
    expect(JSON.parse(bad.stderr).error.message).to.contain('--query "[?name==" is not a JMESPath expression')
    expect(duo.sandbox.requestCount(), 'nothing was sent').to.equal(before)
  })
})
