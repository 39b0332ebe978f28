// What a call to Duo is, as the layers above the transport see it: the credentials, the parameters,
// Duo's envelope, and the one interface (DuoCaller) that invoke() and the name lookups call through.
// The transport's DuoClient implements it; core never imports the transport.
import type {Digest, SignatureVersion} from './signing.js'

export interface Credentials {
  ikey: string
  skey: string
  /** Hostname (https) or URL; see host.ts. */
  host: string
  /** Default 5 (SHA-512), as the Python, Java and Ruby clients. */
  signatureVersion?: SignatureVersion
  /** v2 only; default sha512 like every current official client. */
  digest?: Digest
  /** A proxy URL, or "direct"; wins over HTTPS_PROXY/HTTP_PROXY/NO_PROXY (see transport/network.ts). */
  proxy?: string
  /** A PEM file of CA certificates to trust besides Node's (a TLS-inspecting proxy's CA). */
  caBundle?: string
  /**
   * An MSP child account these (the parent's) keys act on: every Admin API call then goes to its
   * api_hostname with its account_id; Accounts API calls still go to `host` (see child-accounts.ts).
   */
  account?: ChildAccount
}

/** A child account as the parent's Accounts API lists it (Duo Accounts API docs, "Retrieve Accounts"). */
export interface ChildAccount {
  /** 20 characters, e.g. DA9VZOC5X63I2W72NRP9. */
  account_id: string
  name: string
  /** Where the child's Admin API calls go: a hostname (a loopback URL in the sandbox). */
  api_hostname: string
}

/**
 * A parameter value: a string, several strings (a repeated key), or structured JSON (the bulk
 * endpoint's operations), which goes as real JSON under v5 and as a JSON string in a form.
 */
export type ParamValue = readonly string[] | string | unknown[] | {[key: string]: unknown}
export type RequestParams = Record<string, ParamValue>

export interface PageMetadata {
  next_offset?: null | number
  prev_offset?: null | number
  total_objects?: number
}

export interface DuoEnvelope<T = unknown> {
  stat: 'OK'
  response: T
  metadata?: PageMetadata
}

export interface RequestOptions {
  /** Retry 5xx and network failures. Defaults to true for GET and DELETE. */
  idempotent?: boolean
  /** Named in the hint when Duo answers 403 (the permission the operation needs). */
  permission?: string
  /**
   * The most time to spend waiting between retries of this call; past it the last answer stands (a
   * 429 then carries retryAfterMs). Servers set it so one caller is never held past its own timeout.
   */
  retryBudgetMs?: number
}

/** A signed Duo caller: the transport's DuoClient, or a test double. */
export interface DuoCaller {
  request<T = unknown>(method: string, path: string, params?: RequestParams, options?: RequestOptions): Promise<DuoEnvelope<T>>
  requestText(method: string, path: string, params?: RequestParams, options?: RequestOptions): Promise<{status: number; text: string; retryAfterMs?: number}>
  pages<T = unknown>(path: string, params?: RequestParams, options?: RequestOptions): AsyncGenerator<DuoEnvelope<T[]>>
}
