// `duo serve rest`: the catalog's operations at Duo's own methods and paths on a local port, so tools
// and scripts can call Duo without holding the keys or signing. Routing, parameters and the OpenAPI
// document all come from the catalog; each call goes through invoke() like the CLI's, and Duo's
// status and envelope go back unchanged. Whatever the adapter refuses itself is Duo-shaped too, so a
// caller needs one error path.
import {type IncomingMessage, type ServerResponse, createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

import type {DuoCaller} from '../core/calls.js'
import {DuoApiError, NetworkError, UsageError} from '../core/errors.js'
import {invokeText} from '../core/invoke.js'
import {type Operation, operations} from '../core/catalog/index.js'
import {ApiFailure, decodeForm, failBody, mergeParams, notFound} from '../core/wire.js'
import {matchRoute} from '../core/routes.js'
import {type AuditLog, changedFields, openAuditLog} from './audit.js'
import {DEFAULT_BODY_LIMIT, Refusal, assertSafeBind, createGuard, readBody, resolveToken} from './http-guard.js'
import {openApiDocument} from './openapi.js'
import {DEFAULT_RETRY_BUDGET_MS, retryAfterSeconds, withRetryBudget} from './retry-budget.js'

export interface RestServerOptions {
  /** Signs and sends every call; the caller keeps ownership (the server never closes it). */
  client: DuoCaller
  /** Default 127.0.0.1. */
  host?: string
  /** Default 8080; 0 picks a free port. */
  port?: number
  /** Default true. False (--no-auth) is refused unless host is loopback. */
  auth?: boolean
  /** The bearer token callers must send; generated when omitted. */
  token?: string
  /** Serve only operations whose hint is readOnly; the others answer 403. */
  readOnly?: boolean
  /**
   * The operations to serve (from --toolsets/--tools/--capability); default every catalog operation.
   * The others answer 404, as a path Duo does not have would.
   */
  operations?: readonly Operation[]
  /** Most time spent backing off for one caller while Duo rate limits; then 429 with Retry-After. Default 10 s. */
  retryBudgetMs?: number
  /** Where writes are logged; default stderr. The server closes it on close(). */
  auditLog?: AuditLog
  /** Default 1 MiB. */
  bodyLimit?: number
}

export interface RunningRestServer {
  /** e.g. http://127.0.0.1:8080 */
  url: string
  /** Undefined with auth off. */
  token: string | undefined
  /** Stops accepting, lets in-flight requests finish, then closes the audit log. */
  close(): Promise<void>
}

interface Reply {
  status: number
  body: string
  headers?: Record<string, string>
  /** For the audit log: the fields the call set. */
  changed?: Record<string, null | string>
}

export async function startRestServer(options: RestServerOptions): Promise<RunningRestServer> {
  const host = options.host ?? '127.0.0.1'
  const auth = options.auth ?? true
  assertSafeBind(host, auth)
  const token = resolveToken({auth, token: options.token})
  const audit = options.auditLog ?? openAuditLog()
  const selected = options.operations ?? operations
  const selectedNames = new Set(selected.map((o) => o.name))
  const served = options.readOnly ? selected.filter((o) => o.hints.readOnly) : selected
  const client = withRetryBudget(options.client, options.retryBudgetMs ?? DEFAULT_RETRY_BUDGET_MS)
  let closing = false

  const server = createServer((req, res) => {
    answer(req)
      .then((reply) => send(res, reply, closing))
      .catch(() => res.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8080, host, () => resolve())
  })
  const {port} = server.address() as AddressInfo
  // A wildcard address is not somewhere to send requests; this machine's callers use loopback.
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  const url = `http://${urlHost}:${port}`
  const guard = createGuard({host, port, token})
  const openapi = JSON.stringify(openApiDocument(served, {auth, serverUrl: url}))

  async function answer(req: IncomingMessage): Promise<Reply> {
    try {
      const target = req.url ?? '/'
      const mark = target.indexOf('?')
      const path = mark === -1 ? target : target.slice(0, mark)
      const query = mark === -1 ? '' : target.slice(mark + 1)
      // Open without a token so a supervisor can probe it, but still only under our own Host.
      if (path === '/healthz' && req.method === 'GET') {
        guard.checkOrigin(req)
        return {body: JSON.stringify({response: {status: 'ok'}, stat: 'OK'}), status: 200}
      }

      guard(req)
      if (path === '/openapi.json' && req.method === 'GET') return {body: openapi, status: 200}
      const match = matchRoute(req.method ?? 'GET', path)
      if (match.kind === 'not-found') throw notFound(`no route for ${path}`)
      if (match.kind === 'method-not-allowed') {
        const allowed = match.allowed.join(', ')
        return {...failure(new ApiFailure(405, 40_501, 'Method not allowed', `${path} accepts ${allowed}`)), headers: {Allow: allowed}}
      }

      const {operation, pathParams} = match.route
      if (!selectedNames.has(operation.name)) throw notFound(`${operation.name} is not served by this adapter (see --toolsets, --tools, --capability)`)
      const reply = await call(req, operation, pathParams, query)
      if (!operation.hints.readOnly) audit.record({operation: operation.name, pathParams, status: reply.status, ...(reply.changed ? {changed: reply.changed} : {})})
      return reply
    } catch (error) {
      return failure(error)
    }
  }

  async function call(req: IncomingMessage, operation: Operation, pathParams: Record<string, string>, query: string): Promise<Reply> {
    let changed: Record<string, null | string> | undefined
    try {
      if (options.readOnly && !operation.hints.readOnly) {
        throw new ApiFailure(403, 40_301, 'Access forbidden', `this adapter is read-only; ${operation.name} changes data`)
      }

      const input = requestInput(req, await readBody(req, options.bodyLimit ?? DEFAULT_BODY_LIMIT), query)
      changed = changedFields(operation, input)
      // The route's ids win over any in the query or body: the path is what the caller addressed.
      // Duo's OK answer goes back byte for byte; its FAIL answers come back as DuoApiError (below).
      const {retryAfterMs, status, text} = await invokeText(client, operation, {...input, ...pathParams})
      // Duo still rate limiting when the retry budget ran out: its 429, and when to come back.
      return {body: text, changed, status, ...(status === 429 ? {headers: {'Retry-After': String(retryAfterSeconds(retryAfterMs))}} : {})}
    } catch (error) {
      return {...failure(error), changed}
    }
  }

  return {
    close() {
      closing = true
      return new Promise((resolve) => {
        server.close(() => {
          audit.close()
          resolve()
        })
        // Idle keep-alive sockets would hold close() open; busy ones close after their answer.
        server.closeIdleConnections()
      })
    },
    token,
    url,
  }
}

/** Query parameters plus a JSON object or form body; anything else is refused, not ignored. */
function requestInput(req: IncomingMessage, body: Buffer, query: string): Record<string, unknown> {
  const params = decodeForm(query)
  if (body.length === 0) return params
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  if (type === 'application/x-www-form-urlencoded') return mergeParams(params, decodeForm(body.toString('utf8')))
  if (type !== 'application/json') {
    throw new ApiFailure(415, 41_501, 'Unsupported media type', `send the parameters as application/json or application/x-www-form-urlencoded (got "${type}")`)
  }

  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch (error) {
    throw new ApiFailure(400, 40_002, 'Invalid request parameters', `the body is not valid JSON (${(error as Error).message})`)
  }

  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiFailure(400, 40_002, 'Invalid request parameters', 'the JSON body must be an object of parameters')
  }

  return {...params, ...parsed}
}

/** Any failure as Duo's FAIL envelope: Duo's own unchanged, ours with Duo's status+subcode codes. */
function failure(error: unknown): Reply {
  const fail = asApiFailure(error)
  return {body: JSON.stringify(failBody(fail)), headers: error instanceof Refusal ? error.headers : undefined, status: fail.status}
}

const refusalCodes: Record<Refusal['kind'], [number, string]> = {
  'bad-host': [40_301, 'Access forbidden'],
  'bad-origin': [40_301, 'Access forbidden'],
  'body-too-large': [41_301, 'Request entity too large'],
  'invalid-token': [40_103, 'Invalid request credentials'],
  'missing-token': [40_101, 'Missing request credentials'],
}

function asApiFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error
  if (error instanceof DuoApiError) return new ApiFailure(error.status, error.code ?? error.status * 100, error.duoMessage, error.detail)
  if (error instanceof Refusal) return new ApiFailure(error.status, ...refusalCodes[error.kind], error.message)
  // prepareCall's checks, before anything reached Duo.
  if (error instanceof UsageError) return new ApiFailure(400, 40_002, 'Invalid request parameters', error.message)
  if (error instanceof NetworkError) return new ApiFailure(502, 50_201, 'Bad gateway', error.message)
  return new ApiFailure(500, 50_000, 'Internal server error', error instanceof Error ? error.message : String(error))
}

function send(res: ServerResponse, reply: Reply, closing: boolean): void {
  res.writeHead(reply.status, {
    // Answers carry account data (and bypass codes): nothing may cache them.
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(reply.body),
    'Content-Type': 'application/json',
    'X-Content-Type-Options': 'nosniff',
    ...(closing ? {Connection: 'close'} : {}),
    ...reply.headers,
  })
  res.end(reply.body)
}
