// bulkcreateusers creates users from rows, and a row with status bypass or disabled weakens security
// as createuser with that status does: confirmed by the person (elicitation) or confirm: true, naming
// how many rows; rows that weaken nothing need no confirmation. In process, over Streamable HTTP.
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StreamableHTTPClientTransport} from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import {type CallToolResult, ElicitRequestSchema} from '@modelcontextprotocol/sdk/types.js'
import {expect} from 'chai'

import {invoke} from '../../src/core/invoke.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {type RunningMcpServer, startMcpServer} from '../../src/serve/mcp.js'
import type {DuoClient} from '../../src/transport/client.js'
import {clientFor} from '../sandbox/helpers.js'

const text = (result: CallToolResult) => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n')

describe('duo serve mcp: bulkcreateusers rows with status bypass or disabled are confirmed', () => {
  let sandbox: RunningSandbox
  let duo: DuoClient
  let server: RunningMcpServer
  const clients: Client[] = []
  const asked: string[] = []
  let answer: 'accept' | 'decline' = 'decline'

  before(async () => {
    sandbox = await startSandbox()
    duo = clientFor(sandbox)
    server = await startMcpServer({auditLog: {close() {}, record() {}}, client: duo, port: 0})
  })
  after(async () => {
    for (const client of clients) await client.close()
    await server.close()
    duo.close()
    await sandbox.close()
  })

  async function connect(elicitation: boolean): Promise<Client> {
    const client = new Client({name: 'duo-rows-test', version: '1.0.0'}, {capabilities: elicitation ? {elicitation: {}} : {}})
    if (elicitation) {
      client.setRequestHandler(ElicitRequestSchema, (request) => {
        asked.push(request.params.message)
        return {action: answer}
      })
    }

    clients.push(client)
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url), {requestInit: {headers: {Authorization: `Bearer ${server.token}`}}}))
    return client
  }

  const bulk = async (client: Client, args: Record<string, unknown>) => (await client.callTool({arguments: args, name: 'bulkcreateusers'})) as CallToolResult
  const statuses = async (...usernames: string[]) =>
    (await invoke<Array<{status: string; username: string}>>(duo, 'listusers', {username_list: usernames})).response.map((u) => [u.username, u.status])

  it('without elicitation: refused without confirm: true, naming the rows, and nothing is sent; with it the users are created', async () => {
    const agent = await connect(false)
    const tool = (await agent.listTools()).tools.find((t) => t.name === 'bulkcreateusers')!
    expect((tool.inputSchema as {properties: Record<string, unknown>}).properties.confirm).to.not.equal(undefined)
    const users = [{status: 'bypass', username: 'row1'}, {status: 'Disabled', username: 'row2'}, {username: 'row3'}]
    const before = sandbox.requestCount()
    const refused = await bulk(agent, {users})
    expect(refused.isError).to.equal(true)
    expect(text(refused)).to.contain('requires confirm: true').and.contain('Of the users it creates, 1 row sets status bypass (two-factor authentication is skipped) and 1 row sets status disabled (every login is denied).')
    expect(sandbox.requestCount(), 'nothing was sent').to.equal(before)

    const created = await bulk(agent, {confirm: true, users})
    expect(created.isError, text(created)).to.not.equal(true)
    expect(await statuses('row1', 'row2', 'row3')).to.have.deep.members([['row1', 'bypass'], ['row2', 'disabled'], ['row3', 'active']])
    // Rows that weaken nothing need no confirmation.
    const plain = await bulk(agent, {users: [{status: 'active', username: 'row4'}, {username: 'row5'}]})
    expect(plain.isError, text(plain)).to.not.equal(true)
  })

  it('with elicitation: the person is asked; declining sends nothing, accepting creates the users', async () => {
    const person = await connect(true)
    answer = 'decline'
    const before = sandbox.requestCount()
    const declined = await bulk(person, {users: [{status: 'bypass', username: 'row6'}]})
    expect(declined.isError).to.equal(true)
    expect(text(declined)).to.contain('declined').and.contain('Nothing was sent')
    expect(sandbox.requestCount()).to.equal(before)
    expect(asked.at(-1)).to.contain('bulkcreateusers').and.contain('1 row sets status bypass')

    answer = 'accept'
    const accepted = await bulk(person, {users: [{status: 'bypass', username: 'row6'}]})
    expect(accepted.isError, text(accepted)).to.not.equal(true)
    expect(await statuses('row6')).to.deep.equal([['row6', 'bypass']])
  })
})
