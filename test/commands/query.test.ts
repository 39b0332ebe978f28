// --query: a JMESPath expression over the JSON, on the page or on each NDJSON line (needs the
// @jmespath-community/jmespath package).
import {expect} from 'chai'

import {sandboxSession} from '../helpers/sandbox-session.js'

describe('duo users list --query (built CLI, sandbox)', function () {
  this.timeout(60_000)
  const session = sandboxSession()

  it('applies the expression to the page', async () => {
    expect(await session.json(['users', 'list', '--query', "[?status=='bypass'].username"])).to.deep.equal(['frank'])
  })

  it('applies it to each record with --all (one result per line)', async () => {
    const result = await session.run(['users', 'list', '--all', '--json', '--query', '{u: username, n: length(phones)}', '--limit', '3'])
    expect(result.code, result.stderr).to.equal(0)
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as {u: string; n: number})
    expect(lines).to.have.length(9)
    expect(lines[0]).to.deep.equal({n: 1, u: 'alice'})
  })

  it('a bad expression is exit 2 before anything is sent; without --json, exit 2 too', async () => {
    const before = session.sandbox.requestCount()
    const bad = await session.run(['users', 'list', '--json', '--query', '[?'])
    expect(bad.code).to.equal(2)
    expect(bad.stderr).to.contain('is not a JMESPath expression')
    const table = await session.run(['users', 'list', '--query', 'length(@)'])
    expect(table.code).to.equal(2)
    expect(table.stderr).to.contain('--query works on JSON.')
    expect(session.sandbox.requestCount()).to.equal(before)
  })
})
