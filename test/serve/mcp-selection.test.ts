// What `duo serve mcp` and `serve rest` serve, and the guard rails of serving: toolsets, the dynamic
// mode, a capability file as configuration, HTTP sessions (capped, idle-expired, bound to a token),
// the retry budget under rate limiting, stdio parse errors, and the reviewed snapshots of tools/list
// and the OpenAPI document (UPDATE_SNAPSHOTS=1 rewrites them after a deliberate change).
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StdioClientTransport} from '@modelcontextprotocol/sdk/client/stdio.js'
import {StreamableHTTPClientTransport} from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import {type CallToolResult, ToolListChangedNotificationSchema} from '@modelcontextprotocol/sdk/types.js'
import {expect} from 'chai'
import {spawn} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {parse, stringify} from 'yaml'

import {UsageError} from '../../src/core/errors.js'
import {operations} from '../../src/core/catalog/index.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {useKeyVariables} from '../../src/cli/capability-keys.js'
import {capabilityFromText} from '../../src/serve/capability-file.js'
import {type McpServerOptions, type RunningMcpServer, startMcpServer} from '../../src/serve/mcp.js'
import {SessionStore} from '../../src/serve/mcp-sessions.js'
import {openApiDocument} from '../../src/serve/openapi.js'
import {startRestServer} from '../../src/serve/rest.js'
import {toolsets} from '../../src/serve/toolsets.js'
import type {DuoClient} from '../../src/transport/client.js'
import {BIN, runCli, tempConfigDir} from '../helpers/cli.js'
import {clientFor} from '../sandbox/helpers.js'

const BUNDLED = new URL('../../capability/duo-admin-api.naftiko.yaml', import.meta.url)
const SNAPSHOTS = new URL('snapshots/', import.meta.url)
const silent = {close() {}, record() {}}

/** Compares with the reviewed file, or rewrites it under UPDATE_SNAPSHOTS=1. */
function matchesSnapshot(name: string, value: unknown): void {
  const file = new URL(name, SNAPSHOTS)
  const textNow = JSON.stringify(value, null, 2) + '\n'
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(SNAPSHOTS, {recursive: true})
    writeFileSync(file, textNow)
    return
  }

  let reviewed: string
  try {
    reviewed = readFileSync(file, 'utf8')
  } catch {
    throw new Error(`No snapshot ${name}: run with UPDATE_SNAPSHOTS=1 and review the file`)
  }

  expect(JSON.parse(textNow), `${name} differs from the reviewed snapshot (UPDATE_SNAPSHOTS=1 rewrites it)`).to.deep.equal(JSON.parse(reviewed))
}

describe('duo serve mcp: what is served', () => {
  let sandbox: RunningSandbox
  let duo: DuoClient
  const started: RunningMcpServer[] = []
  const clients: Client[] = []

  async function serve(options: Partial<McpServerOptions> = {}): Promise<RunningMcpServer> {
    const running = await startMcpServer({auditLog: silent, client: duo, port: 0, ...options})
    started.push(running)
    return running
  }

  async function connect(to: RunningMcpServer, token = to.token): Promise<Client> {
    const client = new Client({name: 'duo-selection-test', version: '1.0.0'})
    clients.push(client)
    await client.connect(new StreamableHTTPClientTransport(new URL(to.url), {requestInit: {headers: {Authorization: `Bearer ${token}`}}}))
    return client
  }

  async function toolNames(options: Partial<McpServerOptions>): Promise<string[]> {
    return (await (await connect(await serve(options))).listTools()).tools.map((t) => t.name)
  }

  before(async () => {
    sandbox = await startSandbox({pushDelayMs: 0})
    duo = clientFor(sandbox)
  })
  after(async () => {
    for (const client of clients) await client.close()
    for (const server of started) await server.close()
    duo.close()
    await sandbox.close()
  })

  describe('toolsets', () => {
    it('groups every catalog operation into exactly one toolset, read from its path', () => {
      const sets = toolsets()
      expect(sets.flatMap((s) => s.operations).length).to.equal(operations.length)
      expect(sets.map((s) => s.name)).to.include.members(['users', 'groups'])
      expect(sets.find((s) => s.name === 'groups')!.operations.map((o) => o.name)).to.deep.equal(operations.filter((o) => o.path.split('/')[3] === 'groups').map((o) => o.name))
    })

    it('serves a toolset, all of them, or toolsets plus named tools, and --read-only on top', async () => {
      const groups = toolsets().find((s) => s.name === 'groups')!.operations.map((o) => o.name)
      expect(await toolNames({toolsets: ['groups']})).to.deep.equal(groups)
      expect(await toolNames({toolsets: ['all']})).to.deep.equal(operations.map((o) => o.name))
      expect(await toolNames({tools: ['getuser'], toolsets: ['groups']})).to.deep.equal(['getuser', ...groups])
      expect(await toolNames({readOnly: true, toolsets: ['groups']})).to.deep.equal(operations.filter((o) => groups.includes(o.name) && o.hints.readOnly).map((o) => o.name))
    })

    it('refuses an unknown toolset at start-up, naming the known ones', async () => {
      const failure = await serve({toolsets: ['users', 'nosuch']}).catch((error: unknown) => error)
      expect(failure).to.be.instanceOf(UsageError)
      expect((failure as UsageError).message).to.equal('Unknown toolset: nosuch.')
      expect((failure as UsageError).hint).to.match(/users, groups/)
    })

    it('dynamic mode lists the toolsets, and enabling one adds its tools and notifies the client', async () => {
      const client = await connect(await serve({dynamic: true}))
      expect((await client.listTools()).tools.map((t) => t.name)).to.deep.equal(['list_toolsets', 'enable_toolset'])
      const listed = (await client.callTool({arguments: {}, name: 'list_toolsets'})) as CallToolResult
      expect((listed.structuredContent as {toolsets: Array<{name: string}>}).toolsets.map((s) => s.name)).to.include('groups')
      const changed = new Promise<void>((resolve) => client.setNotificationHandler(ToolListChangedNotificationSchema, () => resolve()))
      const enabled = (await client.callTool({arguments: {toolset: 'groups'}, name: 'enable_toolset'})) as CallToolResult
      expect(enabled.isError).to.not.equal(true)
      await changed
      expect((await client.listTools()).tools.map((t) => t.name)).to.include.members(['listgroups', 'getgroupv2']).and.not.include('listusers')
    })
  })

  describe('sessions over HTTP', () => {
    it('opens one on initialize, and DELETE ends it', async () => {
      const server = await serve({})
      const transport = new StreamableHTTPClientTransport(new URL(server.url), {requestInit: {headers: {Authorization: `Bearer ${server.token}`}}})
      const client = new Client({name: 'session-test', version: '1.0.0'})
      await client.connect(transport)
      expect(server.sessions()).to.equal(1)
      await transport.terminateSession()
      expect(server.sessions()).to.equal(0)
      await client.close()
    })

    it('caps how many are open', async () => {
      const server = await serve({sessions: {max: 1}})
      await connect(server)
      const failure = await connect(server).catch((error: unknown) => error)
      expect(String(failure)).to.match(/Too many MCP sessions/)
    })

    it('ends a session that stays idle, and hands one only to the token that opened it', () => {
      let now = 0
      const store = new SessionStore<{close(): Promise<void>; lastSeen: number; tokenKey: string}>({idleMs: 1000, max: 2, now: () => now})
      let closed = 0
      store.add('a', {close: async () => void closed++, lastSeen: 0, tokenKey: 'token-a'})
      expect(store.get('a', 'token-b')).to.equal(undefined)
      expect(store.get('a', 'token-a')).to.not.equal(undefined)
      now = 900
      expect(store.get('a', 'token-a'), 'a request keeps it alive').to.not.equal(undefined)
      now = 2000
      expect(store.get('a', 'token-a')).to.equal(undefined)
      expect(closed).to.equal(1)
      void store.close()
    })

    it('at the cap, makes room by closing the least recently used session once it has been quiet a minute', () => {
      let now = 0
      const store = new SessionStore<{close(): Promise<void>; lastSeen: number; tokenKey: string}>({idleMs: 3_600_000, max: 2, now: () => now})
      const closed: string[] = []
      const session = (name: string) => ({close: async () => void closed.push(name), lastSeen: 0, tokenKey: 'k'})
      store.add('a', session('a'))
      now = 10_000
      store.add('b', session('b'))
      now = 30_000
      expect(store.full, 'nobody quiet for a minute yet').to.equal(true)
      now = 65_000
      expect(store.full).to.equal(false)
      expect(closed).to.deep.equal(['a'])
      expect(store.get('b', 'k')).to.not.equal(undefined)
      void store.close()
    })
  })

  describe('rate limiting', () => {
    it('gives up within the retry budget with an isError result saying when to retry', async () => {
      const limited = await startSandbox({rateLimit: {requests: 0, windowMs: 60_000}})
      const waits: number[] = []
      const patient = clientFor(limited, {}, {maxAttempts: 7, random: () => 0, sleep: async (ms) => void waits.push(ms)})
      const client = await connect(await serve({client: patient, retryBudgetMs: 2500}))
      const result = (await client.callTool({arguments: {}, name: 'listusers'})) as CallToolResult
      expect(result.isError).to.equal(true)
      expect((result.content[0] as {text: string}).text).to.match(/Duo is rate limiting/).and.match(/retry in about 2 s/)
      expect(waits).to.deep.equal([1000])
      patient.close()
      await limited.close()
    })

    it('serve rest answers 429 with Retry-After once the budget is spent', async () => {
      const limited = await startSandbox({rateLimit: {requests: 0, windowMs: 60_000}})
      const patient = clientFor(limited, {}, {maxAttempts: 7, random: () => 0, sleep: async () => {}})
      const rest = await startRestServer({auditLog: silent, client: patient, port: 0, retryBudgetMs: 2500})
      const answer = await fetch(`${rest.url}/admin/v1/users`, {headers: {Authorization: `Bearer ${rest.token}`}})
      expect(answer.status).to.equal(429)
      expect(answer.headers.get('retry-after')).to.equal('2')
      await rest.close()
      patient.close()
      await limited.close()
    })
  })

  describe('serve rest selection', () => {
    it('serves every operation by default, and with --toolsets answers 404 for the others', async () => {
      const {selectOperations} = await import('../../src/serve/toolsets.js')
      const rest = await startRestServer({auditLog: silent, client: duo, operations: selectOperations({toolsets: ['groups']}, operations).operations, port: 0})
      const auth = {Authorization: `Bearer ${rest.token}`}
      expect((await fetch(`${rest.url}/admin/v1/groups`, {headers: auth})).status).to.equal(200)
      const refused = await fetch(`${rest.url}/admin/v1/users`, {headers: auth})
      expect(refused.status).to.equal(404)
      expect(((await refused.json()) as {message_detail: string}).message_detail).to.match(/listusers is not served/)
      await rest.close()
    })
  })

  describe('a capability file', () => {
    it('serves by default exactly what the bundled file declares', async () => {
      const capability = capabilityFromText(readFileSync(BUNDLED, 'utf8'), 'bundled')
      expect(capability.mcp!.tools.map((t) => t.name)).to.deep.equal(operations.filter((o) => !o.beyondCapability).map((o) => o.name))
      expect(capability.mcp!.port).to.equal(9090)
      expect(capability.rest!.port).to.equal(8080)
      expect(capability.rest!.operations.map((o) => o.name)).to.have.members(operations.filter((o) => !o.beyondCapability).map((o) => o.name))
      // Its binds name the variables the keys are read from, never the keys themselves.
      expect(capability.keyVariables).to.deep.equal({ikey: 'DUO_SECURITY_USERNAME', skey: 'DUO_SECURITY_PASSWORD'})
      expect(await toolNames({capability})).to.deep.equal(await toolNames({}))
    })

    it('may make hints more cautious, never less', () => {
      const doc = parse(readFileSync(BUNDLED, 'utf8'))
      const tools = doc.capability.exposes.find((e: {type: string}) => e.type === 'mcp').tools
      tools.find((t: {name: string}) => t.name === 'deleteuser').hints = {destructive: false, idempotent: true, readOnly: true}
      tools.find((t: {name: string}) => t.name === 'createuser').hints = {destructive: true, idempotent: false, readOnly: false}
      const served = capabilityFromText(stringify(doc), 'edited').mcp!.tools
      expect(served.find((t) => t.name === 'deleteuser')!.hints).to.include({destructive: true, readOnly: false})
      expect(served.find((t) => t.name === 'createuser')).to.include({needsConfirmation: true})
    })

    it('reads the keys from the environment variables its binds name, and never from the file', () => {
      const doc = parse(readFileSync(BUNDLED, 'utf8'))
      doc.capability.binds[0].keys = {DUO_SECURITY_PASSWORD: 'HELPDESK_SKEY', DUO_SECURITY_USERNAME: 'HELPDESK_IKEY'}
      doc.capability.consumes[0].baseUri = 'https://api-attacker.example.com'
      const capability = capabilityFromText(stringify(doc), 'helpdesk.yaml')
      const env: NodeJS.ProcessEnv = {HELPDESK_IKEY: 'DIXXXXXXXXXXXXXXXXXX', HELPDESK_SKEY: 'secret-from-env'}
      useKeyVariables(capability, env)
      expect(env).to.include({DUO_IKEY: 'DIXXXXXXXXXXXXXXXXXX', DUO_SKEY: 'secret-from-env'})
      expect(env.DUO_HOST).to.equal(undefined)
    })

    it('refuses at start-up an operation the catalog cannot map, naming it', () => {
      const doc = parse(readFileSync(BUNDLED, 'utf8'))
      doc.capability.consumes[0].resources.push({name: 'x', operations: [{method: 'GET', name: 'listwidgets'}], path: '/admin/v1/widgets'})
      expect(() => capabilityFromText(stringify(doc), 'widgets.yaml')).to.throw(UsageError, /operation listwidgets \(GET \/admin\/v1\/widgets\) is not an Admin API operation/)
    })

    it('serve mcp --capability with a trimmed file serves its three tools on its port, under its names', async () => {
      const doc = parse(readFileSync(BUNDLED, 'utf8'))
      const mcp = doc.capability.exposes.find((e: {type: string}) => e.type === 'mcp')
      mcp.tools = mcp.tools.filter((t: {name: string}) => ['listusers', 'getuser', 'listgroups'].includes(t.name))
      mcp.tools.find((t: {name: string}) => t.name === 'getuser').name = 'lookup_user'
      mcp.port = await freePort()
      const dir = mkdtempSync(join(tmpdir(), 'duo-capability-'))
      const file = join(dir, 'trimmed.naftiko.yaml')
      writeFileSync(file, stringify(doc))
      const child = spawn(process.execPath, [BIN, 'serve', 'mcp', '--sandbox', '--no-auth', '--capability', file, '--json'], {
        env: {DUO_CONFIG_DIR: tempConfigDir(), HOME: process.env.HOME ?? '', NO_COLOR: '1', PATH: process.env.PATH ?? ''},
      })
      try {
        const url = await new Promise<string>((resolve, reject) => {
          let out = ''
          child.stdout.on('data', (chunk) => {
            out += chunk
            if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]).url)
          })
          child.on('exit', (code) => reject(new Error(`exited ${code}`)))
        })
        expect(new URL(url).port).to.equal(String(mcp.port))
        const client = new Client({name: 'capability-test', version: '1.0.0'})
        await client.connect(new StreamableHTTPClientTransport(new URL(url)))
        expect((await client.listTools()).tools.map((t) => t.name)).to.deep.equal(['listusers', 'lookup_user', 'listgroups'])
        const alice = (await client.callTool({arguments: {user_id: 'alice'}, name: 'lookup_user'})) as CallToolResult
        expect((alice.structuredContent as {response: {username: string}}).response.username).to.equal('alice')
        await client.close()
      } finally {
        child.kill('SIGINT')
      }
    })
  })

  describe('the commands refuse a bad selection before reading keys or taking a port (exit 2)', () => {
    it('serve rest --toolsets with an unknown name', async () => {
      const result = await runCli(['serve', 'rest', '--sandbox', '--port', '0', '--toolsets', 'users,nosuch'])
      expect(result.code).to.equal(2)
      expect(result.stderr).to.match(/Unknown toolset: nosuch/)
      expect(result.stderr).to.not.match(/embedded sandbox/)
    })

    it('serve mcp --capability naming an operation duo does not know', async () => {
      const doc = parse(readFileSync(BUNDLED, 'utf8'))
      doc.capability.consumes[0].resources.push({name: 'x', operations: [{method: 'GET', name: 'listwidgets'}], path: '/admin/v1/widgets'})
      const file = join(mkdtempSync(join(tmpdir(), 'duo-capability-')), 'bad.yaml')
      writeFileSync(file, stringify(doc))
      const result = await runCli(['serve', 'mcp', '--sandbox', '--stdio', '--capability', file])
      expect(result.code).to.equal(2)
      expect(result.stderr).to.match(/operation listwidgets \(GET \/admin\/v1\/widgets\) is not an Admin API operation duo knows/)
    })
  })

  describe('snapshots (reviewed files under test/serve/snapshots)', () => {
    it('tools/list by default, for each toolset and for all', async () => {
      matchesSnapshot('tools-list.default.json', (await (await connect(await serve({}))).listTools()).tools)
      for (const set of toolsets()) matchesSnapshot(`tools-list.${set.name}.json`, (await (await connect(await serve({toolsets: [set.name]}))).listTools()).tools)
      matchesSnapshot('tools-list.all.json', (await (await connect(await serve({toolsets: ['all']}))).listTools()).tools)
    })

    it('the OpenAPI document of serve rest', () => {
      matchesSnapshot('openapi.json', openApiDocument(operations, {auth: true, serverUrl: 'http://127.0.0.1:8080'}))
    })
  })
})

describe('duo serve mcp --stdio: toolsets and the dynamic mode (the built CLI)', () => {
  async function stdioClient(args: string[]): Promise<Client> {
    const client = new Client({name: 'duo-stdio-selection', version: '1.0.0'})
    await client.connect(
      new StdioClientTransport({
        args: [BIN, 'serve', 'mcp', '--stdio', '--sandbox', ...args],
        command: process.execPath,
        env: {DUO_CONFIG_DIR: tempConfigDir(), HOME: process.env.HOME ?? '', NO_COLOR: '1', PATH: process.env.PATH ?? ''},
        stderr: 'pipe',
      }),
    )
    return client
  }

  it('--toolsets groups --read-only lists the read tools of that toolset', async () => {
    const client = await stdioClient(['--toolsets', 'groups', '--read-only'])
    const groups = toolsets().find((s) => s.name === 'groups')!.operations.filter((o) => o.hints.readOnly).map((o) => o.name)
    expect((await client.listTools()).tools.map((t) => t.name)).to.deep.equal(groups)
    await client.close()
  })

  it('--dynamic-toolsets: enabling a toolset adds its tools and sends tools/list_changed', async () => {
    const client = await stdioClient(['--dynamic-toolsets'])
    expect((await client.listTools()).tools.map((t) => t.name)).to.deep.equal(['list_toolsets', 'enable_toolset'])
    const changed = new Promise<void>((resolve) => client.setNotificationHandler(ToolListChangedNotificationSchema, () => resolve()))
    await client.callTool({arguments: {toolset: 'users'}, name: 'enable_toolset'})
    await changed
    const names = (await client.listTools()).tools.map((t) => t.name)
    expect(names).to.include.members(['listusers', 'getuser']).and.not.include('listgroups')
    await client.close()
  })
})

describe('duo serve mcp --stdio: lines that are not JSON-RPC', () => {
  it('answers a line that is not JSON with a parse error (-32700), and goes on serving', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', 'mcp', '--stdio', '--sandbox'], {
      env: {DUO_CONFIG_DIR: tempConfigDir(), HOME: process.env.HOME ?? '', NO_COLOR: '1', PATH: process.env.PATH ?? ''},
    })
    const lines: string[] = []
    let buffer = ''
    const twoLines = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk) => {
        buffer += chunk
        const parts = buffer.split('\n')
        buffer = parts.pop()!
        lines.push(...parts)
        if (lines.length >= 2) resolve()
      })
    })
    child.stdin.write('this is not json\n')
    child.stdin.write('{"jsonrpc":"2.0","id":7,"method":"ping"}\n')
    await twoLines
    child.stdin.end()
    expect(JSON.parse(lines[0])).to.deep.equal({error: {code: -32_700, message: 'Parse error: the line is not valid JSON'}, id: null, jsonrpc: '2.0'})
    expect(JSON.parse(lines[1])).to.deep.equal({id: 7, jsonrpc: '2.0', result: {}})
  })
})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.listen(0, '127.0.0.1', () => {
      const {port} = probe.address() as {port: number}
      probe.close(() => resolve(port))
    })
  })
}
