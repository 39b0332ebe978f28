// `duo serve mcp` as an agent uses it, through the official SDK client, with and without the
// elicitation capability, over Streamable HTTP (in process) and stdio (the built CLI pointed at the
// same sandbox through the environment, so the sandbox's request count shows what was sent):
// names instead of ids, confirmation by the person, compact typed results, prompts, completion and
// resources, and the argument errors an agent can correct from.
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js'
import {StreamableHTTPClientTransport} from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import {
  type CallToolResult,
  CallToolResultSchema,
  ElicitRequestSchema,
  type ElicitResult,
  McpError,
} from '@modelcontextprotocol/sdk/types.js'
import {expect} from 'chai'

import type {DuoCaller} from '../../src/core/calls.js'
import {DuoApiError} from '../../src/core/errors.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import type {DuoClient} from '../../src/transport/client.js'
import {type RunningMcpServer, startMcpServer} from '../../src/serve/mcp.js'
import {BIN, tempConfigDir} from '../helpers/cli.js'
import {clientFor} from '../sandbox/helpers.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Duo's JSON, read field by field in assertions
type Any = any

type Answer = ElicitResult['action']

interface Agent {
  client: Client
  /** The elicitation requests the person was shown. */
  asked: string[]
  /** What the person answers next. */
  answer: Answer
}

interface Connector {
  connect(options: {elicitation: boolean; trustAgentConfirm?: boolean}): Promise<Agent>
  closeAll(): Promise<void>
}

async function attach(client: Client, elicitation: boolean): Promise<Agent> {
  const agent: Agent = {answer: 'accept', asked: [], client}
  if (elicitation) {
    client.setRequestHandler(ElicitRequestSchema, (request) => {
      agent.asked.push(request.params.message)
      return {action: agent.answer}
    })
  }

  // Cached by the SDK client: each later callTool checks structuredContent against the outputSchema.
  await client.listTools()
  return agent
}

function newClient(elicitation: boolean): Client {
  return new Client({name: 'duo-agent-test', version: '1.0.0'}, {capabilities: elicitation ? {elicitation: {}} : {}})
}

function text(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n')
}

async function call(agent: Agent, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await agent.client.callTool({arguments: args, name})) as CallToolResult
}

async function ok(agent: Agent, name: string, args: Record<string, unknown> = {}): Promise<Any> {
  const result = await call(agent, name, args)
  expect(result.isError, `${name}: ${text(result)}`).to.not.equal(true)
  expect(JSON.parse(text(result))).to.deep.equal(result.structuredContent)
  return result.structuredContent
}

function behavesForAgents(sandbox: () => RunningSandbox, connector: () => Connector): void {
  after(() => connector().closeAll())

  describe('without elicitation', () => {
    let agent: Agent
    before(async () => {
      agent = await connector().connect({elicitation: false})
    })

    it('takes usernames and group names where ids go, and says so in the schema', async () => {
      const tools = (await agent.client.listTools()).tools
      const schema = tools.find((t) => t.name === 'associateusergroup')!.inputSchema as Any
      expect(schema.properties.user_id.description).to.match(/username or alias/)
      expect(schema.properties.group_id.description).to.match(/its name/)
      expect((await ok(agent, 'getuser', {user_id: 'alice'})).response.username).to.equal('alice')
      await ok(agent, 'associateusergroup', {group_id: 'helpdesk', user_id: 'bob'})
      const groups = (await ok(agent, 'listusergroups', {user_id: 'bob'})).response.map((g: Any) => g.name)
      expect(groups).to.include('Helpdesk')
    })

    it('explains a name that matches nothing', async () => {
      const noUser = await call(agent, 'getuser', {user_id: 'nosuchperson'})
      expect(noUser.isError).to.equal(true)
      expect(text(noUser)).to.match(/No user named "nosuchperson"/).and.match(/listusers/)
    })

    it('lists compact rows by default, the fields asked for, or Duo\'s whole objects, with where the next page is', async () => {
      const compact = await ok(agent, 'listusers', {limit: 3})
      expect(Object.keys(compact.response[0])).to.have.members(['user_id', 'username', 'realname', 'email', 'status', 'is_enrolled', 'last_login'])
      expect(compact.next).to.deep.equal({offset: 3})
      const picked = await ok(agent, 'listusers', {fields: ['username', 'phones'], limit: 3})
      expect(Object.keys(picked.response[0])).to.deep.equal(['username', 'phones'])
      const full = await ok(agent, 'listusers', {full: true, limit: 3})
      expect(full.response[0]).to.include.keys('phones', 'groups', 'tokens', 'notes')
      expect(full.fields).to.equal(undefined)
      const next = await ok(agent, 'listusers', {limit: 3, ...compact.next})
      expect(next.response.map((u: Any) => u.username)).to.deep.equal(['dave', 'erin', 'frank'])
    })

    it('gives each tool an output schema its results match (users, groups, phones)', async () => {
      const tools = (await agent.client.listTools()).tools
      const users = tools.find((t) => t.name === 'listusers')!.outputSchema as Any
      expect(users.properties.response.items.properties.username.type).to.equal('string')
      expect(users.required).to.deep.equal(['response'])
      // The SDK client rejects structuredContent that does not match: these calls pass that check.
      await ok(agent, 'getgroupv2', {group_id: 'Helpdesk'})
      await ok(agent, 'listuserphones', {user_id: 'alice'})
    })

    it('requires confirm: true to set status bypass, and sends nothing without it', async () => {
      const before = sandbox().requestCount()
      const result = await call(agent, 'updateuser', {status: 'bypass', user_id: 'DUNOSUCHUSER00000000'})
      expect(result.isError).to.equal(true)
      expect(text(result)).to.match(/requires confirm: true/).and.match(/turns off two-factor/)
      expect(sandbox().requestCount()).to.equal(before)
    })

    it('names the field of a wrong-typed argument, and refuses arguments that are not an object as invalid params', async () => {
      const before = sandbox().requestCount()
      const wrong = await call(agent, 'getuser', {user_id: 123})
      expect(wrong.isError).to.equal(true)
      expect(text(wrong)).to.equal('Invalid arguments for getuser: user_id must be a string (got number).')
      const failure = await agent.client
        .request({method: 'tools/call', params: {arguments: null as never, name: 'getuser'}}, CallToolResultSchema)
        .catch((error: unknown) => error)
      expect(failure).to.be.instanceOf(McpError)
      expect((failure as McpError).code).to.equal(-32_602)
      expect((failure as McpError).message).to.match(/arguments must be an object/)
      expect(sandbox().requestCount()).to.equal(before)
    })

    it('offers prompts whose arguments complete from the account, and a user card by username', async () => {
      const {prompts} = await agent.client.listPrompts()
      expect(prompts.map((p) => p.name)).to.include('review-user')
      const prompt = await agent.client.getPrompt({arguments: {username: 'alice'}, name: 'review-user'})
      expect((prompt.messages[0].content as Any).text).to.match(/alice/)
      const users = await agent.client.complete({argument: {name: 'username', value: 'a'}, ref: {name: 'review-user', type: 'ref/prompt'}})
      expect(users.completion.values).to.include('alice').and.not.include('bob')
      const groups = await agent.client.complete({argument: {name: 'group', value: 'help'}, ref: {name: 'review-group', type: 'ref/prompt'}})
      expect(groups.completion.values).to.deep.equal(['Helpdesk'])
      const {resourceTemplates} = await agent.client.listResourceTemplates()
      expect(resourceTemplates.map((t) => t.uriTemplate)).to.deep.equal(['duo://users/{username}'])
      const typed = await agent.client.complete({argument: {name: 'username', value: 'b'}, ref: {type: 'ref/resource', uri: 'duo://users/{username}'}})
      expect(typed.completion.values).to.deep.equal(['bob'])
      const card = JSON.parse(((await agent.client.readResource({uri: 'duo://users/alice'})).contents[0] as {text: string}).text)
      expect(card).to.include({username: 'alice'})
      expect(card.groups).to.be.an('array')
    })
  })

  describe('with elicitation: the person confirms', () => {
    let agent: Agent
    before(async () => {
      agent = await connector().connect({elicitation: true})
    })

    it('lists destructive tools without a confirm argument, saying the person is asked', async () => {
      const tool = (await agent.client.listTools()).tools.find((t) => t.name === 'deleteuser')!
      expect((tool.inputSchema as Any).properties.confirm).to.equal(undefined)
      expect(tool.description).to.match(/asks the person you act for/)
    })

    it('sends nothing when the person declines or cancels, whatever the agent set in confirm', async () => {
      for (const answer of ['decline', 'cancel'] as const) {
        agent.answer = answer
        const before = sandbox().requestCount()
        const result = await call(agent, 'deleteuser', {confirm: true, user_id: 'carol'})
        expect(result.isError).to.equal(true)
        expect(text(result)).to.match(answer === 'decline' ? /declined/ : /cancelled/).and.match(/Nothing was sent/)
        expect(sandbox().requestCount()).to.equal(before)
      }

      expect(agent.asked.at(-1)).to.match(/deleteuser/).and.match(/user_id carol/)
    })

    it('runs the call when the person accepts, and asks before a status of bypass', async () => {
      agent.answer = 'accept'
      const asked = agent.asked.length
      await ok(agent, 'updateuser', {status: 'bypass', user_id: 'grace'})
      expect(agent.asked.length).to.equal(asked + 1)
      expect(agent.asked.at(-1)).to.match(/status bypass/).and.match(/two-factor/)
      await ok(agent, 'deleteuser', {user_id: 'carol'})
      expect(text(await call(agent, 'getuser', {user_id: 'carol'}))).to.match(/No user named "carol"/)
    })
  })

  describe('with elicitation and --trust-agent-confirm', () => {
    it('never asks the person, and keeps the confirm: true rule', async () => {
      const agent = await connector().connect({elicitation: true, trustAgentConfirm: true})
      const refused = await call(agent, 'deleteuser', {user_id: 'heidi'})
      expect(text(refused)).to.match(/requires confirm: true/)
      await ok(agent, 'deleteuser', {confirm: true, user_id: 'heidi'})
      expect(agent.asked).to.deep.equal([])
    })
  })
}

describe('duo serve mcp for agents, over Streamable HTTP', () => {
  let sandbox: RunningSandbox
  let duo: DuoClient
  const servers: RunningMcpServer[] = []
  const clients: Client[] = []

  before(async () => {
    sandbox = await startSandbox({pushDelayMs: 0})
    duo = clientFor(sandbox)
  })
  after(async () => {
    for (const client of clients) await client.close()
    for (const server of servers) await server.close()
    duo.close()
    await sandbox.close()
  })

  const connector: Connector = {
    async closeAll() {},
    async connect({elicitation, trustAgentConfirm}) {
      const server = await startMcpServer({auditLog: {close() {}, record() {}}, client: duo, port: 0, trustAgentConfirm})
      servers.push(server)
      const client = newClient(elicitation)
      clients.push(client)
      const transport = new StreamableHTTPClientTransport(new URL(server.url), {requestInit: {headers: {Authorization: `Bearer ${server.token}`}}})
      await client.connect(transport)
      // Elicitation needs the server to reach the client mid-call: the initialize opened a session.
      expect(transport.sessionId).to.be.a('string')
      return attach(client, elicitation)
    },
  }

  behavesForAgents(() => sandbox, () => connector)
})

describe('duo serve mcp: a 404 on a name where only an id goes', () => {
  it('says which tool lists the ids', async () => {
    // Duo answers 404 for an unknown token on this path; the sandbox forgives it, so a double answers here.
    const notFound = async () => {
      throw new DuoApiError(404, 40_401, 'Resource not found')
    }
    const duo = {pages: notFound, request: notFound, requestText: notFound} as unknown as DuoCaller
    const server = await startMcpServer({auditLog: {close() {}, record() {}}, client: duo, port: 0})
    const client = newClient(false)
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url), {requestInit: {headers: {Authorization: `Bearer ${server.token}`}}}))
    try {
      const agent = await attach(client, false)
      // A token is named by its id only (a phone may be named by its number, so it is looked up instead).
      const result = await call(agent, 'disassociateusertoken', {confirm: true, token_id: 'my-yubikey', user_id: 'DUAAAAAAAAAAAAAAAAAA'})
      expect(text(result)).to.match(/HTTP 404/).and.match(/token_id takes Duo's id, and "my-yubikey" does not look like one/).and.match(/Find the id with listusertokens/)
    } finally {
      await client.close()
      await server.close()
    }
  })
})

describe('duo serve mcp for agents, over stdio (the built CLI)', () => {
  let sandbox: RunningSandbox
  const clients: Client[] = []

  before(async () => {
    sandbox = await startSandbox({pushDelayMs: 0})
  })
  after(async () => {
    await sandbox.close()
  })

  const connector: Connector = {
    async closeAll() {
      for (const client of clients) await client.close()
    },
    async connect({elicitation, trustAgentConfirm}) {
      const transport = new StdioClientTransport({
        args: [BIN, 'serve', 'mcp', '--stdio', ...(trustAgentConfirm ? ['--trust-agent-confirm'] : [])],
        command: process.execPath,
        env: {
          DUO_CONFIG_DIR: tempConfigDir(),
          DUO_HOST: sandbox.url,
          DUO_IKEY: sandbox.ikey,
          DUO_SKEY: sandbox.skey,
          HOME: process.env.HOME ?? '',
          NO_COLOR: '1',
          PATH: process.env.PATH ?? '',
        },
        stderr: 'pipe',
      })
      const client = newClient(elicitation)
      clients.push(client)
      await client.connect(transport)
      return attach(client, elicitation)
    },
  }

  behavesForAgents(() => sandbox, () => connector)
})
