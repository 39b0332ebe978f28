// The sandbox: a local HTTP emulator of the Duo Admin API for the catalog's operations. It signs
// nothing and trusts nothing: every request is authenticated as Duo does (auth.ts), routed from the
// catalog (router.ts), checked against it (dispatch.ts) and answered from in-memory state.
import {type IncomingMessage, type ServerResponse, createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

import {type OperationName, PERMISSIONS, type PermissionKey} from '../core/catalog/index.js'
import {isLoopbackHost} from '../core/host.js'
import {authenticate} from './auth.js'
import {execute} from './dispatch.js'
import {ApiFailure, failBody, notFound, okBody} from './envelope.js'
import {FixedWindow, happens, serverError, tooManyRequests} from './faults.js'
import type {SandboxEnv} from './handlers/context.js'
import {generateCredentials} from './ids.js'
import {callInput, toIncomingCall} from './incoming.js'
import {loadSnapshot, saveSnapshot} from './persistence.js'
import type {PushAnswer, Snapshot} from './records.js'
import {matchRoute} from '../core/routes.js'
import {seedData} from './seed-data.js'
import {SandboxState} from './state.js'

export interface SandboxOptions {
  /** Default 0: any free port. */
  port?: number
  /** Default 127.0.0.1; only loopback addresses are accepted. */
  host?: string
  /** Default: from the state file, else generated. */
  ikey?: string
  skey?: string
  /** Seed N generated users (user00001 …) instead of the small demo set (0, the default). */
  users?: number
  /** Load state from this file if it exists (seed options are then ignored); save after every change. */
  stateFile?: string
  /** Past `requests` per `windowMs`: 429 / 42901. */
  rateLimit?: {requests: number; windowMs: number}
  /** Share (0..1) of requests answered 500 / 50000. */
  failRate?: number
  /** Share (0..1) of requests whose connection is dropped without an answer. */
  dropRate?: number
  /** Delay added to every answer. */
  latencyMs?: number
  /** The sandbox clock runs this far from the real one (dates are checked against it). */
  clockOffsetMs?: number
  /** Permissions withheld from the integration (every other one is granted). */
  permissions?: Partial<Record<PermissionKey, boolean>>
  /** Calls answered 500 / 50000, by operation and 1-based call number: a fault at a known step. */
  failCalls?: Partial<Record<OperationName, number[]>>
  /** For failRate and dropRate; injectable for deterministic tests. */
  random?: () => number
  /** The simulated person's answer to a verification push. Default approve. */
  pushAnswer?: PushAnswer
  /** How long the push reads "waiting" before that answer. Default 2000. */
  pushDelayMs?: number
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:54321 */
  url: string
  /** What a profile stores as the API host: the url (the client accepts http URLs on loopback). */
  host: string
  ikey: string
  skey: string
  port: number
  /** Requests received so far, answered or not. */
  requestCount(): number
  /** Stops listening, closes keep-alive connections, writes the state file. */
  close(): Promise<void>
}

const MAX_BODY_BYTES = 1024 * 1024

interface Reply {
  status: number
  body: Record<string, unknown>
  headers?: Record<string, string>
}

/** Every permission, less those set to false. */
export function grantAllBut(given: Partial<Record<PermissionKey, boolean>> = {}): Record<PermissionKey, boolean> {
  return Object.fromEntries((Object.keys(PERMISSIONS) as PermissionKey[]).map((key) => [key, given[key] ?? true])) as Record<PermissionKey, boolean>
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopbackHost(host)) throw new Error(`The sandbox listens on loopback only, not ${host}: it answers to a key anyone could read.`)
  const state = new SandboxState(initialSnapshot(options))
  const env: SandboxEnv = {
    now: () => Date.now() + (options.clockOffsetMs ?? 0),
    permissions: grantAllBut(options.permissions),
    push: {answer: options.pushAnswer ?? 'approve', delayMs: options.pushDelayMs ?? 2000},
    state,
  }
  const persist = () => {
    if (options.stateFile) saveSnapshot(options.stateFile, state.snapshot())
  }

  // Written at once, so the credentials a caller reads from the file are the ones in use.
  persist()
  const random = options.random ?? Math.random
  const window = options.rateLimit ? new FixedWindow(options.rateLimit) : undefined
  let received = 0
  const calls = new Map<OperationName, number>()

  function answer(req: IncomingMessage, body: Buffer | undefined): Reply {
    try {
      if (window?.exceeded(Date.now())) throw tooManyRequests()
      if (happens(options.failRate, random)) throw serverError('simulated failure (failRate)')
      // 41301 is a guess following Duo's status+subcode convention.
      if (!body) throw new ApiFailure(413, 41_301, 'Request entity too large', `the body is over ${MAX_BODY_BYTES} bytes`)
      const call = toIncomingCall(req, body)
      authenticate(call, state, env.now())
      const match = matchRoute(call.method, call.path)
      if (match.kind === 'not-found') throw notFound(call.path)
      if (match.kind === 'method-not-allowed') {
        // 40501 is a guess following the same convention (unconfirmed by Duo's docs).
        const failure = new ApiFailure(405, 40_501, 'Method not allowed', `${call.path} accepts ${match.allowed.join(', ')}`)
        return {body: failBody(failure), headers: {Allow: match.allowed.join(', ')}, status: 405}
      }

      const {name} = match.route.operation
      calls.set(name, (calls.get(name) ?? 0) + 1)
      if (options.failCalls?.[name]?.includes(calls.get(name)!)) throw serverError(`simulated failure of ${name} call ${calls.get(name)} (failCalls)`)
      const result = execute(env, match.route, callInput(call))
      if (!match.route.operation.hints.readOnly) persist()
      return {body: okBody(result), status: 200}
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : serverError(error instanceof Error ? error.message : String(error))
      return {body: failBody(failure), status: failure.status}
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    received++
    const body = await readBody(req)
    if (happens(options.dropRate, random)) {
      req.socket.destroy()
      return
    }

    const reply = answer(req, body)
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs))
    const text = JSON.stringify(reply.body)
    res.writeHead(reply.status, {
      'Content-Length': Buffer.byteLength(text),
      'Content-Type': 'application/json',
      // Set explicitly, so it is the sandbox clock and not Node's.
      Date: new Date(env.now()).toUTCString(),
      ...reply.headers,
    })
    res.end(text)
  }

  const server = createServer((req, res) => {
    serve(req, res).catch(() => res.destroy())
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const {port} = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  return {
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      persist()
    },
    host: url,
    ikey: state.ikey,
    port,
    requestCount: () => received,
    skey: state.skey,
    url,
  }
}

function initialSnapshot(options: SandboxOptions): Snapshot {
  const loaded = options.stateFile ? loadSnapshot(options.stateFile) : undefined
  const base = loaded ?? {version: 1 as const, ...generateCredentials(), ...seedData(options.users ?? 0)}
  return {...base, ikey: options.ikey ?? base.ikey, skey: options.skey ?? base.skey}
}

/** The whole body, or undefined when it is over the limit (read to the end, so the answer is seen). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
