// `duo serve mcp`: the catalog's operations as MCP tools, over Streamable HTTP (/mcp) or stdio. What is
// served and how a call is carried out is mcp-service.ts; this file is the two transports.
//
// HTTP has sessions, because asking the person mid-call (elicitation) and announcing a changed tool
// list need the server to reach the client between requests: an initialize opens one (capped in
// number, closed when idle, bound to the token that opened it: mcp-sessions.ts), its answers come as
// SSE streams, GET opens its notification stream and DELETE ends it. A request without a session
// (not an initialize) is still answered statelessly, as a fresh server with JSON, for simple clients.
// Every request, in a session or not, passes the shared guard (Host/Origin, bearer token, body limit).
//
// The low-level SDK Server is used rather than McpServer: the input schemas are JSON Schema written
// from the catalog (mcp-tools.ts), and McpServer only takes zod schemas it converts itself.
import {StreamableHTTPServerTransport} from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import {ErrorCode, isInitializeRequest} from '@modelcontextprotocol/sdk/types.js'
import {randomUUID} from 'node:crypto'
import {type IncomingMessage, type ServerResponse, createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

import {DEFAULT_BODY_LIMIT, Refusal, assertSafeBind, createGuard, readBody, resolveToken} from './http-guard.js'
import {type McpConnection, type McpServiceOptions, mcpService} from './mcp-service.js'
import {DEFAULT_SESSION_LIMITS, type OpenSession, type SessionLimits, SessionStore, tokenKey} from './mcp-sessions.js'
import {LineStdioTransport} from './stdio-transport.js'

export type {McpServiceOptions} from './mcp-service.js'

const MCP_PATH = '/mcp'

export interface McpServerOptions extends McpServiceOptions {
  /** Default 127.0.0.1. */
  host?: string
  /** Default 9090; 0 picks a free port. */
  port?: number
  /** Default true. False (--no-auth) is refused unless host is loopback. */
  auth?: boolean
  /** The bearer token callers must send; generated when omitted. */
  token?: string
  /** Default 1 MiB. */
  bodyLimit?: number
  /** Default 64 sessions, each closed after 15 minutes without a request. */
  sessions?: Partial<SessionLimits>
}

export interface RunningMcpServer {
  /** e.g. http://127.0.0.1:9090/mcp */
  url: string
  /** Undefined with auth off. */
  token: string | undefined
  /** How many tools a new connection lists. */
  tools: number
  /** Sessions open now. */
  sessions(): number
  /** Stops accepting, ends the sessions, lets in-flight requests finish, then closes the audit log. */
  close(): Promise<void>
}

export interface StdioMcpSession {
  /** Resolves when the client goes away (stdin ends) or close() is called. */
  closed: Promise<void>
  close(): Promise<void>
}

interface HttpSession extends OpenSession {
  transport: StreamableHTTPServerTransport
  connection: McpConnection
}

/** Streamable HTTP at /mcp, behind the shared guard (Host/Origin, bearer token, body limit). */
export async function startMcpServer(options: McpServerOptions): Promise<RunningMcpServer> {
  const host = options.host ?? '127.0.0.1'
  const auth = options.auth ?? true
  assertSafeBind(host, auth)
  const token = resolveToken({auth, token: options.token})
  const service = mcpService(options)
  const sessions = new SessionStore<HttpSession>({...DEFAULT_SESSION_LIMITS, ...options.sessions})
  const http = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 9090, host, () => resolve())
  })
  const {port} = http.address() as AddressInfo
  const guard = createGuard({host, port, token})
  // A wildcard address is not somewhere to send requests; this machine's callers use loopback.
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer
    try {
      guard(req)
      body = await readBody(req, options.bodyLimit ?? DEFAULT_BODY_LIMIT)
    } catch (error) {
      if (!(error instanceof Refusal)) throw error
      return sendError(res, error.status, error.message, error.headers)
    }

    if ((req.url ?? '/').split('?')[0] !== MCP_PATH) return sendError(res, 404, `Not found: the MCP endpoint is ${MCP_PATH}`)
    const key = tokenKey(req.headers.authorization)
    const sessionId = req.headers['mcp-session-id']
    if (typeof sessionId === 'string') {
      const session = sessions.get(sessionId, key)
      // Unknown, expired, or opened with another token: all the same to the caller, who initializes anew.
      if (!session) return sendError(res, 404, 'Session not found (it ended, expired or belongs to another token): initialize a new one')
      const message = req.method === 'POST' ? parseJson(body) : undefined
      if (req.method === 'POST' && message === undefined) return sendError(res, 400, 'Parse error: the body is not valid JSON', {}, ErrorCode.ParseError)
      return session.transport.handleRequest(req, res, message)
    }

    if (req.method !== 'POST') return sendError(res, 405, `${MCP_PATH} accepts GET and DELETE only within a session (send Mcp-Session-Id)`, {Allow: 'POST'})
    const message = parseJson(body)
    if (message === undefined) return sendError(res, 400, 'Parse error: the body is not valid JSON', {}, ErrorCode.ParseError)
    if (isInitializeRequest(message)) return openSession(req, res, message, key)

    // No session: one fresh server for this request alone, answering JSON.
    const connection = service.newConnection()
    const transport = new StreamableHTTPServerTransport({enableJsonResponse: true, sessionIdGenerator: undefined})
    res.on('close', () => {
      connection.server.close().catch(() => {})
    })
    await connection.connect(transport)
    await transport.handleRequest(req, res, message)
  }

  async function openSession(req: IncomingMessage, res: ServerResponse, message: unknown, key: string): Promise<void> {
    if (sessions.full) return sendError(res, 503, 'Too many MCP sessions are open: close one (DELETE /mcp) or retry later', {'Retry-After': '60'})
    const connection = service.newConnection()
    let session: HttpSession | undefined
    const transport = new StreamableHTTPServerTransport({
      onsessionclosed: (id) => sessions.remove(id),
      onsessioninitialized: (id) => {
        session = {
          close: async () => {
            await transport.close()
            await connection.server.close()
          },
          connection,
          lastSeen: 0,
          tokenKey: key,
          transport,
        }
        sessions.add(id, session)
      },
      sessionIdGenerator: () => randomUUID(),
    })
    transport.onclose = () => {
      if (transport.sessionId) sessions.remove(transport.sessionId)
    }

    await connection.connect(transport)
    await transport.handleRequest(req, res, message)
  }

  return {
    async close() {
      await sessions.close()
      return new Promise((resolve) => {
        http.close(() => {
          service.audit.close()
          resolve()
        })
        // Idle keep-alive sockets would hold close() open; busy ones close after their answer.
        http.closeIdleConnections()
      })
    },
    sessions: () => sessions.size,
    token,
    tools: service.initialTools,
    url: `http://${urlHost}:${port}${MCP_PATH}`,
  }
}

/** One protocol session on this process's stdin/stdout; notes and the audit log go to stderr. */
export async function serveMcpStdio(options: McpServiceOptions): Promise<StdioMcpSession> {
  const service = mcpService(options)
  const connection = service.newConnection()
  const closed = new Promise<void>((resolve) => {
    connection.server.onclose = () => {
      service.audit.close()
      resolve()
    }
  })
  await connection.connect(new LineStdioTransport())
  // A client that closes stdin has gone.
  process.stdin.once('end', () => {
    connection.server.close().catch(() => {})
  })
  return {close: () => connection.server.close(), closed}
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return undefined
  }
}

/** Refusals in JSON-RPC's error shape, as the SDK transport answers its own (id unknown: null). */
function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}, code = -32_000): void {
  const text = JSON.stringify({error: {code, message}, id: null, jsonrpc: '2.0'})
  res.writeHead(status, {'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text), 'Content-Type': 'application/json', ...headers})
  res.end(text)
}
