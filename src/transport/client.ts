// The one place that talks to Duo: signs, sends, retries, parses the envelope, follows pages.
import type {Credentials, DuoCaller, DuoEnvelope, RequestOptions, RequestParams} from '../core/calls.js'
import {DuoApiError, NetworkError} from '../core/errors.js'
import {hintForApiError, hintForNonJsonAnswer} from '../core/error-hints.js'
import {type ApiEndpoint, parseApiHost} from '../core/host.js'
import {isAccountsApiPath, withAccountId} from '../core/child-accounts.js'
import {type HttpAnswer, exchange} from './http-exchange.js'
import {type Transport, createTransport, describeTransportFailure} from './network.js'
import {type CanonicalParams, canonicalizeParams, formatDuoDate, signRequest} from '../core/signing.js'

export interface RetryEvent {
  /** The attempt that just failed (1-based). */
  attempt: number
  /** How many attempts this kind of failure gets in all (7 for 429, 3 for 5xx and network errors). */
  maxAttempts: number
  waitMs: number
  reason: string
  method: string
  path: string
}

/** One request sent and its outcome, for --verbose: never parameters, headers or the signature. */
export interface ExchangeEvent {
  method: string
  path: string
  attempt: number
  /** Duo's HTTP status, or undefined when no answer came (the error says why). */
  status?: number
  error?: string
  ms: number
}

export interface ClientOptions {
  credentials: Credentials
  /** Per attempt: how long the connection may stay silent (connecting, waiting or reading). */
  timeoutMs?: number
  /** For 429 (and, on idempotent calls, 5xx and network errors). Official clients: 7. */
  maxAttempts?: number
  /** Injectable so tests never sleep. */
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  now?: () => Date
  onRetry?: (event: RetryEvent) => void
  /** Told after every attempt (--verbose). */
  onExchange?: (event: ExchangeEvent) => void
  /** The CLI's version, for the User-Agent (Duo's support can then tell which release called). */
  version?: string
}

/** `duo-cli/0.1.0 (node 20.19.0; linux)`: the form of Duo's official clients' agents, with the runtime. */
export function userAgent(version: string | undefined): string {
  return `duo-cli${version ? `/${version}` : ''} (node ${process.versions.node}; ${process.platform})`
}

/** One stderr line per backoff: what, why, when the next attempt is, and which attempt of how many. */
export function describeRetry(event: RetryEvent): string {
  const seconds = Math.max(1, Math.round(event.waitMs / 1000))
  return `${event.reason} on ${event.method} ${event.path}: next attempt in ${seconds} s (attempt ${event.attempt + 1} of ${event.maxAttempts})`
}

/** One --verbose line: method, path, status and time. */
export function describeExchange(event: ExchangeEvent): string {
  const outcome = event.status === undefined ? `failed (${event.error})` : String(event.status)
  return `${event.method} ${event.path} ${outcome} ${event.ms} ms${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`
}


const FIRST_BACKOFF_MS = 1000
const MAX_BACKOFF_MS = 32_000
/** 5xx and network errors get fewer tries than 429: a broken server rarely heals in a minute. */
const MAX_FAILURE_ATTEMPTS = 3

/** The clock retries wait on; commands use it, and tests swap it so they never sleep. */
export const backoffClock = {
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}

export class DuoClient implements DuoCaller {
  /** Where Admin API calls go: the host, or the child account's api_hostname when the credentials name one. */
  readonly endpoint: ApiEndpoint
  /** Where Accounts API calls go: always the credentials' own (the parent's) host. */
  private readonly accountsEndpoint: ApiEndpoint
  /** Duo's clock minus ours, from the last answer's Date header (for clock-skew hints). */
  clockOffsetMs: number | undefined
  private readonly transport: Transport
  private readonly options: Required<Omit<ClientOptions, 'onExchange' | 'onRetry' | 'version'>> & Pick<ClientOptions, 'onExchange' | 'onRetry'>
  private readonly userAgent: string

  constructor(options: ClientOptions) {
    this.accountsEndpoint = parseApiHost(options.credentials.host)
    const {account} = options.credentials
    this.endpoint = account ? parseApiHost(account.api_hostname) : this.accountsEndpoint
    this.options = {
      maxAttempts: 7,
      now: () => new Date(),
      random: Math.random,
      sleep: (ms: number) => backoffClock.sleep(ms),
      timeoutMs: 30_000,
      ...options,
    }
    this.userAgent = userAgent(options.version)
    this.transport = createTransport({caBundle: options.credentials.caBundle, proxy: options.credentials.proxy})
  }

  /** One signed call; resolves with Duo's OK envelope or throws DuoApiError / NetworkError. */
  async request<T = unknown>(
    method: string,
    path: string,
    params: RequestParams = {},
    options: RequestOptions = {},
  ): Promise<DuoEnvelope<T>> {
    const {answer, attempts, retryAfterMs} = await this.withRetries(method, path, params, options)
    try {
      return this.parse<T>(answer.status, answer.text, {attempts, permission: options.permission})
    } catch (error) {
      if (error instanceof DuoApiError && retryAfterMs !== undefined) error.retryAfterMs = retryAfterMs
      throw error
    }
  }

  /**
   * The same call, retried the same way, with Duo's answer left as text for a caller that passes it
   * on unchanged (the REST adapter), saving a parse and a re-serialization per request. Only a JSON
   * answer is handed over as it is; anything else (a proxy's error page) fails as request() would.
   */
  async requestText(method: string, path: string, params: RequestParams = {}, options: RequestOptions = {}): Promise<{status: number; text: string; retryAfterMs?: number}> {
    const {answer, attempts, retryAfterMs} = await this.withRetries(method, path, params, options)
    const type = answer.headers['content-type'] ?? ''
    if (!/^application\/json\b/i.test(type)) this.parse(answer.status, answer.text, {attempts, permission: options.permission})
    return {status: answer.status, text: answer.text, ...(retryAfterMs === undefined ? {} : {retryAfterMs})}
  }

  /** Sends until an answer is final: 429 backs off up to maxAttempts; 5xx and network errors are retried only when idempotent. */
  private async withRetries(
    method: string,
    path: string,
    params: RequestParams,
    options: RequestOptions,
  ): Promise<{answer: HttpAnswer; attempts: number; retryAfterMs?: number}> {
    const upper = method.toUpperCase()
    const idempotent = options.idempotent ?? (upper === 'GET' || upper === 'DELETE')
    const {maxAttempts} = this.options
    let waited = 0
    /** Waits before attempt+1 if `allowed` permits it and the call's retry budget has room. */
    const retry = async (attempt: number, allowed: number, reason: string): Promise<'budget' | boolean> => {
      if (attempt >= allowed) return false
      const waitMs = this.backoffMs(attempt)
      if (options.retryBudgetMs !== undefined && waited + waitMs > options.retryBudgetMs) return 'budget'
      waited += waitMs
      this.options.onRetry?.({attempt, maxAttempts: allowed, method: upper, path, reason, waitMs})
      await this.options.sleep(waitMs)
      return true
    }

    for (let attempt = 1; ; attempt++) {
      let answer: HttpAnswer
      const started = Date.now()
      try {
        answer = await this.send(upper, path, params)
      } catch (error) {
        const {baseUrl} = this.endpointFor(path)
        const failure = describeTransportFailure(error, {
          baseUrl,
          caBundle: this.transport.caBundle?.path,
          proxy: await this.transport.proxyFor(baseUrl + path),
          timeoutMs: this.options.timeoutMs,
        })
        this.options.onExchange?.({attempt, error: failure.message, method: upper, ms: Date.now() - started, path})
        if (failure.retryable && idempotent && (await retry(attempt, Math.min(maxAttempts, MAX_FAILURE_ATTEMPTS), failure.message)) === true) continue
        throw new NetworkError(failure.message, failure.hint)
      }

      const {status} = answer
      this.options.onExchange?.({attempt, method: upper, ms: Date.now() - started, path, status})
      this.noteServerDate(answer.headers.date)
      if (status === 429 || (idempotent && status >= 500)) {
        const reason = status === 429 ? 'Duo is rate limiting (HTTP 429)' : `Duo answered HTTP ${status}`
        const retried = await retry(attempt, status === 429 ? maxAttempts : Math.min(maxAttempts, MAX_FAILURE_ATTEMPTS), reason)
        if (retried === true) continue
        // Out of budget on a 429: the caller is told when the next try would have been.
        if (retried === 'budget' && status === 429) return {answer, attempts: attempt, retryAfterMs: this.backoffMs(attempt)}
      }
      return {answer, attempts: attempt}
    }
  }

  /**
   * Pages of a list endpoint, following metadata.next_offset until Duo says there is no more. The
   * next page is requested before the current one is handed over, so printing one page overlaps
   * with fetching the next (at most two pages in memory).
   */
  async *pages<T = unknown>(path: string, params: RequestParams = {}, options: RequestOptions = {}): AsyncGenerator<DuoEnvelope<T[]>> {
    let offset = typeof params.offset === 'string' ? Number(params.offset) : 0
    const fetchPage = (from: number) => this.request<T[]>('GET', path, {...params, offset: String(from)}, options)
    let pending: Promise<DuoEnvelope<T[]>> | undefined = fetchPage(offset)
    while (pending) {
      const page: DuoEnvelope<T[]> = await pending
      const next = page.metadata?.next_offset
      pending = undefined
      if (next !== undefined && next !== null) {
        // A server that does not advance would loop forever; the Ruby client stops here too.
        if (Number(next) <= offset) throw new DuoApiError(500, undefined, `paging did not advance (next_offset ${next} after ${offset})`)
        offset = Number(next)
        pending = fetchPage(offset)
        // If the consumer stops early, the prefetched page's failure must not go unhandled.
        pending.catch(() => {})
      }

      yield page
    }
  }

  /** Every item of a list endpoint, one page in memory at a time. */
  async *items<T = unknown>(path: string, params: RequestParams = {}, options: RequestOptions = {}): AsyncGenerator<T> {
    for await (const page of this.pages<T>(path, params, options)) yield* page.response
  }

  /** Frees the keep-alive sockets so the process can exit. */
  close(): void {
    this.transport.close()
  }

  private endpointFor(path: string): ApiEndpoint {
    return isAccountsApiPath(path) ? this.accountsEndpoint : this.endpoint
  }

  private async send(method: string, path: string, given: RequestParams): Promise<HttpAnswer> {
    const {credentials} = this.options
    // The one place a child account's id joins a call, so every surface (commands, name lookups,
    // `duo api`, REST, MCP) reaches the child; it is signed like any other parameter.
    const params = withAccountId(given, credentials.account, path)
    const endpoint = this.endpointFor(path)
    const version = credentials.signatureVersion ?? 5
    const keys = {digest: version === 5 ? ('sha512' as const) : (credentials.digest ?? 'sha512'), ikey: credentials.ikey, skey: credentials.skey, version}
    const date = formatDuoDate(this.options.now())
    const headers: Record<string, string> = {Date: date, 'User-Agent': this.userAgent}
    let url = endpoint.baseUrl + path
    let body: string | undefined
    let signedParams: CanonicalParams = {}

    if (method === 'GET' || method === 'DELETE') {
      signedParams = toCanonicalParams(params)
      const query = canonicalizeParams(signedParams)
      if (query) url += '?' + query
    } else if (version === 5) {
      body = JSON.stringify(toJsonBody(params))
      headers['Content-Type'] = 'application/json'
    } else {
      signedParams = toCanonicalParams(params)
      body = canonicalizeParams(signedParams)
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
    }

    headers.Authorization = signRequest(keys, {body: body ?? '', date, host: endpoint.signHost, method, params: signedParams, path})
    const target = new URL(url)
    return exchange(target, {agent: await this.transport.agentFor(target), body, headers, method, timeoutMs: this.options.timeoutMs})
  }

  private parse<T>(status: number, text: string, context: {attempts: number; permission?: string}): DuoEnvelope<T> {
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      const message = status >= 300 ? `HTTP ${status} with a non-JSON body` : 'Duo answered with a non-JSON body'
      throw new DuoApiError(status, undefined, message, undefined, hintForNonJsonAnswer(status))
    }

    const envelope = body as {code?: number | string; message?: string; message_detail?: string; stat?: string}
    if (status < 400 && envelope.stat === 'OK') return body as DuoEnvelope<T>
    const code = envelope.code === undefined ? undefined : Number(envelope.code)
    const message = envelope.message ?? `HTTP ${status}`
    const hint = hintForApiError({
      attempts: context.attempts,
      clockOffsetMs: this.clockOffsetMs,
      code,
      permission: context.permission,
      status,
    })
    throw new DuoApiError(status, Number.isNaN(code) ? undefined : code, message, envelope.message_detail, hint)
  }

  /** 1, 2, 4 … 32 s plus up to 1 s of jitter, as every official client does (duo_client_python's _make_request retry loop). */
  private backoffMs(attempt: number): number {
    return Math.min(FIRST_BACKOFF_MS * 2 ** (attempt - 1), MAX_BACKOFF_MS) + Math.floor(this.options.random() * 1000)
  }

  private noteServerDate(header: string | undefined): void {
    const server = header ? Date.parse(header) : Number.NaN
    if (!Number.isNaN(server)) this.clockOffsetMs = server - this.options.now().getTime()
  }
}


function toCanonicalParams(params: RequestParams): CanonicalParams {
  const out: Record<string, readonly string[] | string> = {}
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string') out[key] = value
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value as string[]
    else out[key] = JSON.stringify(value)
  }

  return out
}

/** Sorted keys, like the Python client, so the same call always hashes the same. */
function toJsonBody(params: RequestParams): Record<string, unknown> {
  return Object.fromEntries(Object.keys(params).sort().map((k) => [k, params[k]]))
}
