// The sandbox: a local HTTP emulator of the Duo Admin API for the catalog's operations. It signs
// nothing and trusts nothing: every request is authenticated as Duo does (auth.ts), routed from the
// catalog (router.ts), checked against it (dispatch.ts) and answered from in-memory state.
import type {IncomingMessage, ServerResponse} from 'node:http'

import {type OperationName, PERMISSIONS, type PermissionKey} from '../core/catalog/index.js'
import {NEW_CHILD_BILLING, accountListing, checkChildCall, newChild, seedChildren} from './child-accounts.js'
import {ChildHosts} from './child-hosts.js'
import {isAccountsApiPath} from '../core/child-accounts.js'
import {listen} from './listener.js'
import {isLoopbackHost} from '../core/host.js'
import {authenticate} from './auth.js'
import {execute} from './dispatch.js'
import {ApiFailure, failBody, notFound, okBody} from './envelope.js'
import {FixedWindow, happens, serverError, tooManyRequests} from './faults.js'
import type {SandboxEnv} from './handlers/context.js'
import {generateCredentials} from './ids.js'
import {callInput, toIncomingCall} from './incoming.js'
import {SharedStateFile, loadSnapshot} from './persistence.js'
import {withFileLock, withFileLockSync} from '../core/file-lock.js'
import type {ChildAccountRecord, PushAnswer, SmsSent, Snapshot} from './records.js'
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
  /**
   * Load state from this file if it exists (seed options are then ignored); save after every change.
   * Other processes may serve the same file: each change is made under its lock, on its latest state.
   */
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
  /** Generated authentication log history over 30 days (default 1500); not kept in the state file. */
  authEvents?: number
  /** Live authentication events: this many per window (sandbox start --auth-rate 30/1m). */
  authRate?: {requests: number; windowMs: number}
  /** Duo's delay before new authentication, activity and offline events show. Default 2 minutes. */
  logLagMs?: number
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
  /** Stops listening and closes keep-alive connections (every change is already in the state file). */
  close(): Promise<void>
  /** Calls `listener` for every text message the sandbox "sends"; returns the unsubscribe function. */
  onSmsSent(listener: (sms: SmsSent) => void): () => void
  /** The parent's MSP child accounts now, each served on its own loopback listener (its api_hostname). */
  readonly children: RunningChild[]
}

export interface RunningChild {
  account_id: string
  name: string
  /** The child's api_hostname as the Accounts API lists it, e.g. http://127.0.0.1:54322 */
  url: string
  port: number
  /** Requests received on the child's host so far. */
  requestCount(): number
}

/** A child account's tenant while the sandbox runs. */
interface ChildTenant extends NonNullable<SandboxEnv['child']> {
  state: SandboxState
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
  const shared = options.stateFile ? new SharedStateFile(options.stateFile) : undefined
  /** A state for a snapshot, with the log settings of this sandbox (generated history, lag). */
  const stateOf = (snapshot: Snapshot) => {
    const state = new SandboxState(snapshot)
    state.logs.configure({authEvents: options.authEvents, lagMs: options.logLagMs})
    return state
  }

  const initial = shared ? withFileLockSync(shared.file, () => save(initialSnapshot(options))) : initialSnapshot(options)
  /** The children's tenants answer to the parent's keys. */
  const tenantOf = (child: ChildAccountRecord, keys: {ikey: string; skey: string}): ChildTenant => ({
    account_id: child.account_id,
    billing: child.billing ?? NEW_CHILD_BILLING,
    name: child.name,
    state: stateOf({...child.tenant, ikey: keys.ikey, skey: keys.skey, version: 1}),
  })
  const childrenOf = (snapshot: Snapshot): ChildTenant[] => (snapshot.children ?? []).map((child) => tenantOf(child, snapshot))
  const hosts = new ChildHosts(host, (accountId, req, res) => {
    serve(req, res, accountId).catch(() => res.destroy())
  })
  const env: SandboxEnv = {
    accounts: {
      create(name) {
        const record = newChild(name)
        children.push(tenantOf(record, env.state))
        return {account_id: record.account_id, api_hostname: hosts.assign(record.account_id), name}
      },
      list: () => accountListing(children, (id) => hosts.url(id)),
      remove(accountId) {
        const index = children.findIndex((child) => child.account_id === accountId)
        if (index === -1) return false
        children.splice(index, 1)
        hosts.release(accountId)
        return true
      },
    },
    now: () => Date.now() + (options.clockOffsetMs ?? 0),
    permissions: grantAllBut(options.permissions),
    push: {answer: options.pushAnswer ?? 'approve', delayMs: options.pushDelayMs ?? 2000},
    // Written at once (above), so the credentials a caller reads from the file are the ones in use.
    state: stateOf(initial),
  }
  let children = childrenOf(initial)
  const childIds = () => children.map((child) => child.account_id)
  /** The parent's state with every child's, as the state file holds them. */
  const snapshotAll = (): Snapshot => ({...env.state.snapshot(), children: children.map(childRecord)})
  function save(snapshot: Snapshot): Snapshot {
    shared?.save(snapshot)
    return snapshot
  }

  /** Picks up what another process wrote to the state file since this one last read or wrote it. */
  const refresh = () => {
    const fresh = shared?.changed()
    if (fresh) {
      env.state = stateOf(fresh)
      children = childrenOf(fresh)
    }
  }

  let accountWrites: Promise<Reply> = Promise.resolve({body: {}, status: 200})
  const random = options.random ?? Math.random
  const window = options.rateLimit ? new FixedWindow(options.rateLimit) : undefined
  let received = 0
  const calls = new Map<OperationName, number>()

  /** The answer of the parent's host, or with `childId` of that child's host. */
  function answer(req: IncomingMessage, body: Buffer | undefined, childId?: string): Reply {
    try {
      if (window?.exceeded(Date.now())) throw tooManyRequests()
      if (happens(options.failRate, random)) throw serverError('simulated failure (failRate)')
      // 41301 is a guess following Duo's status+subcode convention.
      if (!body) throw new ApiFailure(413, 41_301, 'Request entity too large', `the body is over ${MAX_BODY_BYTES} bytes`)
      const call = toIncomingCall(req, body)
      authenticate(call, env.state, env.now())
      const child = childId === undefined ? undefined : children.find((tenant) => tenant.account_id === childId)
      // Deleted (by another process) while this request was on its way.
      if (childId !== undefined && !child) throw notFound(`child account ${childId}`)
      if (child) checkChildCall(call.path, callInput(call), child, env.permissions.accounts)
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
      const result = execute(child ? {...env, child, state: child.state} : env, match.route, callInput(call))
      if (!match.route.operation.hints.readOnly) save(snapshotAll())
      return {body: okBody(result), status: 200}
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : serverError(error instanceof Error ? error.message : String(error))
      return {body: failBody(failure), status: failure.status}
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse, childId?: string): Promise<void> {
    const body = await readBody(req)
    if (happens(options.dropRate, random)) {
      req.socket.destroy()
      return
    }

    // From the latest state (what another process wrote since); children it added get their hosts,
    // and a spare is bound for a child created now.
    const respond = async () => {
      refresh()
      await hosts.sync(childIds)
      return answer(req, body, childId)
    }

    // A call that may change state runs under the state file's lock; without a file, the Accounts
    // API's writes still run one at a time (each may take the one spare host).
    const write = req.method !== 'GET'
    let reply: Reply
    if (shared && write) reply = await withFileLock(shared.file, respond)
    else if (write && isAccountsApiPath(req.url ?? '')) reply = await (accountWrites = accountWrites.then(respond, respond))
    else reply = await respond()
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

  const parent = await listen(host, options.port ?? 0, (req, res) => {
    received++
    serve(req, res).catch(() => res.destroy())
  })
  await hosts.sync(childIds)
  const live = options.authRate && setInterval(() => env.state.logs.recordLiveAuth(env.now()), options.authRate.windowMs / options.authRate.requests)
  live?.unref()
  const {port, url} = parent
  return {
    get children() {
      return children.map(({account_id, name}) => ({
        account_id,
        name,
        port: hosts.port(account_id),
        requestCount: () => hosts.requestCount(account_id),
        url: hosts.url(account_id),
      }))
    },
    async close() {
      if (live) clearInterval(live)
      await Promise.all([parent.close(), hosts.close()])
    },
    host: url,
    ikey: env.state.ikey,
    onSmsSent: (listener) => env.state.onSmsSent(listener),
    port,
    requestCount: () => received,
    skey: env.state.skey,
    url,
  }
}

function initialSnapshot(options: SandboxOptions): Snapshot {
  const loaded = options.stateFile ? loadSnapshot(options.stateFile) : undefined
  const base = loaded ?? {version: 1 as const, ...generateCredentials(), ...seedData(options.users ?? 0)}
  // A state file from before child accounts were emulated gets the seeded ones.
  return {...base, children: base.children ?? seedChildren(), ikey: options.ikey ?? base.ikey, skey: options.skey ?? base.skey}
}

function childRecord(child: ChildTenant): ChildAccountRecord {
  const {ikey: _ikey, skey: _skey, version: _version, children: _children, ...tenant} = child.state.snapshot()
  return {account_id: child.account_id, billing: child.billing, name: child.name, tenant}
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
