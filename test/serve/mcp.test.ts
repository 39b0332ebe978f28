// `duo serve mcp`, driven by the MCP SDK's own client as an agent's host would: over Streamable HTTP
// on 127.0.0.1 (in process, against a sandbox) and over stdio (the built CLI with --sandbox). The
// same conversation runs on both transports; the HTTP guard rails and argument checks are tested too.
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js'
import {StreamableHTTPClientTransport} from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import {type CallToolResult, McpError, type Tool} from '@modelcontextprotocol/sdk/types.js'
import {Ajv2020} from 'ajv/dist/2020.js'
import {expect} from 'chai'

import type {DuoClient} from '../../src/transport/client.js'
import {UsageError} from '../../src/core/errors.js'
import {operations} from '../../src/core/catalog/index.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import type {AuditEntry, AuditLog} from '../../src/serve/audit.js'
import {type McpServerOptions, type RunningMcpServer, startMcpServer} from '../../src/serve/mcp.js'
import {BIN, runCli, tempConfigDir} from '../helpers/cli.js'
import {type RawResponse, clientFor, rawRequest} from '../sandbox/helpers.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Duo's JSON, read field by field in assertions
type Any = any

const DEMO_USERNAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi']

function memoryAudit(): AuditLog & {entries: AuditEntry[]} {
  const entries: AuditEntry[] = []
  return {close() {}, entries, record: (entry) => void entries.push(entry)}
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({arguments: args, name})) as CallToolResult
}

function text(result: CallToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n')
}

/** The structured result of a call that must succeed. */
async function ok(client: Client, name: string, args: Record<string, unknown> = {}): Promise<Any> {
  const result = await call(client, name, args)
  expect(result.isError, `${name}: ${text(result)}`).to.not.equal(true)
  // The text rendering is the same data, for clients that ignore structuredContent.
  expect(JSON.parse(text(result))).to.deep.equal(result.structuredContent)
  return result.structuredContent
}

async function userId(client: Client, username: string): Promise<string> {
  return (await ok(client, 'listusers', {username})).response[0].user_id
}

/** The conversation an agent has with the server; the same on every transport. */
function behavesAsDuoMcpServer(connection: () => Client): void {
  it('initializes as the duo server with tools', () => {
    expect(connection().getServerVersion()?.name).to.equal('duo')
    expect(connection().getServerCapabilities()?.tools).to.not.equal(undefined)
  })

  it('lists the capability\'s operations as tools by default, with the catalog hints as annotations', async () => {
    const {tools} = await connection().listTools()
    const capability = operations.filter((o) => !o.beyondCapability)
    expect(tools.map((t) => t.name)).to.deep.equal(capability.map((o) => o.name))
    for (const operation of capability) {
      const tool = tools.find((t) => t.name === operation.name)!
      expect(tool.annotations, operation.name).to.deep.equal({
        destructiveHint: operation.hints.destructive,
        idempotentHint: operation.hints.idempotent,
        openWorldHint: operation.hints.openWorld,
        readOnlyHint: operation.hints.readOnly,
        title: operation.summary,
      })
    }
  })

  it('reads: listusers returns the sandbox users', async () => {
    const page = await ok(connection(), 'listusers')
    expect(page.response.map((u: Any) => u.username)).to.include.members(DEMO_USERNAMES)
  })

  it('writes: a user made with createuser is seen by getuser', async () => {
    const created = (await ok(connection(), 'createuser', {realname: 'Mallory Agent', username: 'mallory'})).response
    const fetched = (await ok(connection(), 'getuser', {user_id: created.user_id})).response
    expect(fetched).to.include({realname: 'Mallory Agent', username: 'mallory'})
  })

  it('returns a Duo failure as an isError result with Duo\'s status, code and message', async () => {
    const result = await call(connection(), 'getuser', {user_id: 'DUNOSUCHUSER000000000'})
    expect(result.isError).to.equal(true)
    expect(text(result)).to.match(/40401/).and.match(/HTTP 404/).and.match(/not found/i)
  })

  it('refuses a destructive call without confirm: true, and sends nothing', async () => {
    const alice = await userId(connection(), 'alice')
    const result = await call(connection(), 'deleteuser', {user_id: alice})
    expect(result.isError).to.equal(true)
    expect(text(result)).to.match(/confirm: true/).and.match(/Nothing was sent/)
    expect((await ok(connection(), 'getuser', {user_id: alice})).response.username).to.equal('alice')
  })
}

describe('duo serve mcp over Streamable HTTP', () => {
  let sandbox: RunningSandbox
  let duo: DuoClient
  let audit: ReturnType<typeof memoryAudit>
  let server: RunningMcpServer
  let client: Client
  const started: RunningMcpServer[] = []

  async function serve(options: Partial<McpServerOptions> = {}): Promise<RunningMcpServer> {
    const running = await startMcpServer({auditLog: memoryAudit(), client: duo, port: 0, ...options})
    started.push(running)
    return running
  }

  async function connect(to: RunningMcpServer): Promise<Client> {
    const agent = new Client({name: 'duo-test-agent', version: '1.0.0'})
    const headers = {Authorization: `Bearer ${to.token}`}
    await agent.connect(new StreamableHTTPClientTransport(new URL(to.url), {requestInit: {headers}}))
    return agent
  }

  /** A bare request to the server, with exactly these headers (Host included when given). */
  function raw(to: RunningMcpServer, headers: Record<string, string>, body = '{"jsonrpc":"2.0","id":1,"method":"ping"}', method = 'POST', target = '/mcp'): Promise<RawResponse> {
    const port = Number(new URL(to.url).port)
    const accept = {Accept: 'application/json, text/event-stream', 'Content-Type': 'application/json'}
    return rawRequest({port} as RunningSandbox, {body, headers: {...accept, ...headers}, method, target})
  }

  before(async () => {
    sandbox = await startSandbox({pushDelayMs: 0})
    duo = clientFor(sandbox)
    audit = memoryAudit()
    server = await serve({auditLog: audit})
    client = await connect(server)
  })
  after(async () => {
    await client.close()
    for (const running of started) await running.close()
    duo.close()
    await sandbox.close()
  })

  behavesAsDuoMcpServer(() => client)

  describe('tool definitions', () => {
    let tools: Tool[]
    before(async () => {
      // Every catalog operation: those beyond the capability are listed when named with --tools.
      const all = await connect(await serve({tools: operations.map((o) => o.name)}))
      tools = (await all.listTools()).tools
      await all.close()
    })

    it('gives every tool a valid JSON Schema 2020-12 input with every catalog parameter', () => {
      const ajv = new Ajv2020({strict: true, strictRequired: false})
      for (const operation of operations) {
        const schema = tools.find((t) => t.name === operation.name)!.inputSchema as Any
        expect(() => ajv.compile(schema), operation.name).to.not.throw()
        expect(schema.additionalProperties, operation.name).to.equal(false)
        for (const spec of [...operation.pathParams, ...operation.params]) {
          expect(schema.properties[spec.name]?.description, `${operation.name}.${spec.name}`).to.equal(spec.description)
          if (spec.enum) expect(schema.properties[spec.name].enum).to.deep.equal([...spec.enum])
          if (spec.max !== undefined) expect(schema.properties[spec.name].maximum).to.equal(spec.max)
          if (spec.maxItems !== undefined) expect(schema.properties[spec.name].maxItems).to.equal(spec.maxItems)
        }

        for (const spec of operation.pathParams) expect(schema.required, operation.name).to.include(spec.name)
      }
    })

    it('types id lists as arrays of strings and bulk operations as {method, path, body} objects', () => {
      const schema = (name: string) => tools.find((t) => t.name === name)!.inputSchema as Any
      expect(schema('bulksenduserstotrash').properties.user_id_list).to.include({maxItems: 100, type: 'array'})
      expect(schema('bulksenduserstotrash').properties.user_id_list.items.type).to.equal('string')
      const item = schema('bulkoperations').properties.operations.items
      expect(Object.keys(item.properties)).to.have.members(['body', 'method', 'path'])
      expect(item.required).to.have.members(['method', 'path'])
    })

    it('makes confirm a required argument of exactly the tools the catalog wants confirmed, and says so', () => {
      for (const operation of operations) {
        const tool = tools.find((t) => t.name === operation.name)!
        const schema = tool.inputSchema as Any
        expect(Boolean(schema.properties.confirm), operation.name).to.equal(operation.needsConfirmation)
        expect((schema.required ?? []).includes('confirm'), operation.name).to.equal(operation.needsConfirmation)
        expect(tool.description!.includes('Requires confirm: true'), operation.name).to.equal(operation.needsConfirmation)
      }
    })

    it('gives list tools limit/offset and tells how to get the next page', () => {
      for (const operation of operations.filter((o) => o.paging)) {
        const tool = tools.find((t) => t.name === operation.name)!
        expect(Object.keys((tool.inputSchema as Any).properties), operation.name).to.include.members(['limit', 'offset'])
        expect(tool.description, operation.name).to.match(/metadata\.next_offset/)
      }
    })
  })

  describe('calls', () => {
    it('pages: metadata.next_offset passed back as offset gives the next page', async () => {
      const first = await ok(client, 'listusers', {limit: 3})
      expect(first.metadata.next_offset).to.equal(3)
      const second = await ok(client, 'listusers', {limit: 3, offset: first.metadata.next_offset})
      expect(second.response.map((u: Any) => u.username)).to.deep.equal(['dave', 'erin', 'frank'])
    })

    it('calls associateusergroup and updateuser from their schemas alone', async () => {
      const bob = await userId(client, 'bob')
      const helpdesk = (await ok(client, 'listgroups')).response.find((g: Any) => g.name === 'Helpdesk').group_id
      await ok(client, 'associateusergroup', {group_id: helpdesk, user_id: bob})
      await ok(client, 'updateuser', {notes: 'on call', status: 'disabled', user_id: bob})
      const fetched = (await ok(client, 'getuser', {user_id: bob})).response
      expect(fetched).to.include({notes: 'on call', status: 'disabled'})
      expect(fetched.groups.map((g: Any) => g.name)).to.include('Helpdesk')
    })

    it('rejects bad arguments with a message naming each one, before anything is sent', async () => {
      const before = sandbox.requestCount()
      const cases: Array<[string, Record<string, unknown>, RegExp]> = [
        ['listusers', {limit: 1000}, /limit must be at most 300/],
        ['listusers', {limit: '5'}, /limit must be integer/],
        ['listusers', {colour: 'red'}, /colour unknown parameter/],
        ['updateuser', {status: 'asleep', user_id: 'DU1'}, /status must be one of active, bypass, disabled/],
        ['getuser', {}, /user_id is required/],
        ['createuser', {alias1: 'a', aliases: 'alias1=b', username: 'x'}, /cannot be combined/],
        ['bulkoperations', {confirm: true, operations: [{method: 'PATCH', path: '/admin/v1/users'}]}, /must be equal to one of the allowed values/],
      ]
      for (const [name, args, message] of cases) {
        const result = await call(client, name, args)
        expect(result.isError, name).to.equal(true)
        expect(text(result), `${name} ${JSON.stringify(args)}`).to.match(message)
      }

      expect(sandbox.requestCount()).to.equal(before)
    })

    it('carries out a destructive call with confirm: true', async () => {
      const dave = await userId(client, 'dave')
      await ok(client, 'deleteuser', {confirm: true, user_id: dave})
      expect(text(await call(client, 'getuser', {user_id: dave}))).to.match(/40401/)
    })

    it('answers an unknown tool with a protocol error', async () => {
      const failure = await client.callTool({arguments: {}, name: 'dropdatabase'}).catch((error: unknown) => error)
      expect(failure).to.be.instanceOf(McpError)
      expect((failure as McpError).message).to.match(/Unknown tool: dropdatabase/)
    })

    it('logs each write as one audit entry with its path ids and status, and no reads', () => {
      const operationsLogged = new Set(audit.entries.map((e) => e.operation))
      for (const name of operationsLogged) expect(operations.find((o) => o.name === name)!.hints.readOnly, name).to.equal(false)
      expect(audit.entries.find((e) => e.operation === 'createuser')).to.include({status: 200})
      const deletes = audit.entries.filter((e) => e.operation === 'deleteuser')
      expect(deletes.map((e) => e.status)).to.deep.equal([428, 200])
      expect(Object.keys(deletes[0].pathParams)).to.deep.equal(['user_id'])
    })
  })

  describe('tool selection', () => {
    it('--read-only lists and serves only read tools', async () => {
      const agent = await connect(await serve({readOnly: true}))
      const {tools} = await agent.listTools()
      expect(tools.map((t) => t.name)).to.deep.equal(operations.filter((o) => o.hints.readOnly && !o.beyondCapability).map((o) => o.name))
      expect(tools.every((t) => t.annotations?.readOnlyHint === true)).to.equal(true)
      const refused = await agent.callTool({arguments: {username: 'x'}, name: 'createuser'}).catch((error: unknown) => error)
      expect(refused).to.be.instanceOf(McpError)
      await agent.close()
    })

    it('--tools lists device tools beyond the capability: reads read-only, deletes destructive, activations and SMS confirmed', async () => {
      const names = ['listphones', 'deletephone', 'createphoneactivationurl', 'sendphonesmsactivation', 'sendphonesmspasscodes', 'createtoken']
      const agent = await connect(await serve({tools: names}))
      const {tools} = await agent.listTools()
      const tool = (name: string) => tools.find((t) => t.name === name)!
      expect(tools.map((t) => t.name)).to.have.members(names)
      expect(tool('listphones').annotations).to.include({destructiveHint: false, readOnlyHint: true})
      expect(tool('deletephone').annotations).to.include({destructiveHint: true, readOnlyHint: false})
      for (const name of ['deletephone', 'createphoneactivationurl', 'sendphonesmsactivation', 'sendphonesmspasscodes']) {
        expect((tool(name).inputSchema as Any).required, name).to.include('confirm')
      }

      expect((tool('createtoken').inputSchema as Any).required).to.not.include('confirm')
      const phones = await agent.callTool({arguments: {number: '+15550100001'}, name: 'listphones'})
      expect(JSON.stringify(phones.content)).to.contain('Apple iOS')
      await agent.close()
    })

    it('--tools limits the set; --read-only still wins', async () => {
      const agent = await connect(await serve({readOnly: true, tools: ['getuser', 'listusers', 'deleteuser']}))
      expect((await agent.listTools()).tools.map((t) => t.name)).to.deep.equal(['listusers', 'getuser'])
      await agent.close()
    })

    it('--tools with an unknown name, or leaving nothing to serve, fails at start-up', async () => {
      const failure = await serve({tools: ['listusers', 'listusrs']}).catch((error: unknown) => error)
      expect(failure).to.be.instanceOf(UsageError)
      expect((failure as UsageError).message).to.equal('Unknown tool: listusrs.')
      const empty = await serve({readOnly: true, tools: ['createuser']}).catch((error: unknown) => error)
      expect((empty as UsageError).message).to.match(/^Nothing to serve: createuser change data/)
    })
  })

  describe('HTTP guard rails', () => {
    it('refuses a request without the token, or with a wrong one (401)', async () => {
      const missing = await raw(server, {})
      expect(missing.status).to.equal(401)
      expect(missing.headers['www-authenticate']).to.match(/^Bearer/)
      expect((await raw(server, {Authorization: 'Bearer not-the-token-at-all'})).status).to.equal(401)
      const agent = new Client({name: 'no-token', version: '1.0.0'})
      const failure = await agent.connect(new StreamableHTTPClientTransport(new URL(server.url))).catch((error: unknown) => error)
      expect(failure).to.include({code: 401})
    })

    it('refuses a foreign Host or Origin (DNS rebinding), even with the token', async () => {
      const auth = {Authorization: `Bearer ${server.token}`}
      expect((await raw(server, {...auth, Host: `evil.example.com:${new URL(server.url).port}`})).status).to.equal(403)
      expect((await raw(server, {...auth, Origin: 'http://evil.example.com'})).status).to.equal(403)
      expect((await raw(server, {...auth, Origin: `http://localhost:${new URL(server.url).port}`})).status).to.equal(200)
    })

    it('serves only POST /mcp, and refuses bodies over 1 MiB', async () => {
      const auth = {Authorization: `Bearer ${server.token}`}
      expect((await raw(server, auth, '', 'GET')).headers.allow).to.equal('POST')
      expect((await raw(server, auth, undefined, 'POST', '/other')).status).to.equal(404)
      expect((await raw(server, auth, 'x'.repeat(1024 * 1024 + 1))).status).to.equal(413)
      expect((await raw(server, auth, '{not json')).body.error.code).to.equal(-32_700)
    })

    it('--no-auth serves without a token on loopback, and is refused elsewhere', async () => {
      const open = await serve({auth: false})
      expect(open.token).to.equal(undefined)
      expect((await raw(open, {})).status).to.equal(200)
      const failure = await serve({auth: false, host: '0.0.0.0'}).catch((error: unknown) => error)
      expect(failure).to.be.instanceOf(UsageError)
    })
  })

  describe('the command', () => {
    it('exits 2 for an unknown --tools name, before starting anything', async () => {
      const result = await runCli(['serve', 'mcp', '--sandbox', '--port', '0', '--tools', 'listusers,nosuchtool'])
      expect(result.code).to.equal(2)
      expect(result.stderr).to.match(/Unknown tool: nosuchtool/)
      expect(result.stderr).to.not.match(/embedded sandbox/)
    })

    it('exits 2 for --no-auth on a non-loopback address', async () => {
      const result = await runCli(['serve', 'mcp', '--sandbox', '--no-auth', '--host', '0.0.0.0'])
      expect(result.code).to.equal(2)
      expect(result.stderr).to.match(/--no-auth is refused/)
    })
  })
})

describe('duo serve mcp --stdio (the built CLI)', () => {
  let client: Client
  let transport: StdioClientTransport
  let stderr = ''
  const transportErrors: Error[] = []

  before(async () => {
    transport = new StdioClientTransport({
      args: [BIN, 'serve', 'mcp', '--stdio', '--sandbox'],
      command: process.execPath,
      env: {DUO_CONFIG_DIR: tempConfigDir(), HOME: process.env.HOME ?? '', NO_COLOR: '1', PATH: process.env.PATH ?? ''},
      stderr: 'pipe',
    })
    transport.stderr!.on('data', (chunk) => (stderr += chunk))
    client = new Client({name: 'duo-test-desktop', version: '1.0.0'})
    await client.connect(transport)
    // Set after connect, which installs the client's own handler: anything on stdout that is not
    // a protocol message (a stray log line) shows up here.
    const onerror = transport.onerror
    transport.onerror = (error) => {
      transportErrors.push(error)
      onerror?.(error)
    }
  })

  behavesAsDuoMcpServer(() => client)

  it('keeps stdout for the protocol: notes and the write log go to stderr', () => {
    expect(transportErrors).to.deep.equal([])
    expect(stderr).to.match(/embedded sandbox/).and.match(new RegExp(`${operations.filter((o) => !o.beyondCapability).length} tools on stdio`))
    const logged = stderr.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line))
    expect(logged.map((entry) => [entry.operation, entry.status])).to.deep.equal([['createuser', 200], ['deleteuser', 428]])
  })

  it('exits as soon as the client closes stdin', async () => {
    const started = Date.now()
    await client.close()
    // The SDK client waits 2 s for the process to exit before it sends SIGTERM.
    expect(Date.now() - started).to.be.below(1500)
  })
})
