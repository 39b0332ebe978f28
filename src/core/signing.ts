// Duo request canonicalization and HMAC signing. Pure functions: no clock, no I/O, so the client,
// the sandbox (which verifies) and the tests share exactly one implementation of the rules in
// Duo Admin API docs ("Authentication") and its official clients (duo_client_python, duo_api_nodejs).
import {createHash, createHmac} from 'node:crypto'

/** Decoded request parameters: one value, or several for a repeated key. */
export type CanonicalParams = Record<string, string | readonly string[]>

export type SignatureVersion = 2 | 5
export type Digest = 'sha1' | 'sha512'

/** RFC 3986 percent-encoding: only A-Z a-z 0-9 - _ . ~ stay as they are; hex is uppercase. */
export function encodeRfc3986(value: string): string {
  // encodeURIComponent leaves ! ' ( ) * alone; Duo's canonical form escapes them.
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
}

/**
 * The params line: every (key, value) pair encoded, sorted by encoded key then encoded value, joined
 * with '&'. Repeated keys give one pair per value. Sorting values too follows the Python and Go
 * clients (what duo_client_python and duo_api_golang do), so a server sees the same line whatever order arrived.
 */
export function canonicalizeParams(params: CanonicalParams): string {
  const pairs: Array<[string, string]> = []
  for (const [key, raw] of Object.entries(params)) {
    const encodedKey = encodeRfc3986(key)
    for (const value of typeof raw === 'string' ? [raw] : raw) pairs.push([encodedKey, encodeRfc3986(value)])
  }

  pairs.sort(([ka, va], [kb, vb]) => (ka === kb ? compare(va, vb) : compare(ka, kb)))
  return pairs.map(([k, v]) => `${k}=${v}`).join('&')
}

function compare(a: string, b: string): number {
  // Encoded strings are ASCII, so UTF-16 order is byte order.
  return a < b ? -1 : a > b ? 1 : 0
}

export function sha512Hex(data: string): string {
  return createHash('sha512').update(data, 'utf8').digest('hex')
}

/**
 * The X-Duo headers string of signature v5: names lowercased and sorted, flattened to
 * name, value, name, value … joined by NUL. Refuses what Duo refuses: a name outside x-duo-*,
 * a NUL anywhere, or the same name twice.
 */
export function canonicalizeXDuoHeaders(headers: Record<string, string>): string {
  const seen = new Set<string>()
  const entries: Array<[string, string]> = []
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase()
    if (!lower.startsWith('x-duo-')) throw new Error(`header ${name} is not an X-Duo header`)
    if (name.includes('\0') || value.includes('\0')) throw new Error(`header ${name} contains a NUL byte`)
    if (seen.has(lower)) throw new Error(`header ${name} appears twice`)
    seen.add(lower)
    entries.push([lower, value])
  }

  entries.sort(([a], [b]) => compare(a, b))
  return entries.flat().join('\0')
}

export interface CanonicalRequest {
  date: string
  method: string
  host: string
  path: string
  /** v2: every parameter. v5: query-string parameters only. */
  params: CanonicalParams
  /** v5 only: the exact body bytes sent ('' for none). */
  body?: string
  /** v5 only: the X-Duo-* headers that are sent and signed. */
  xDuoHeaders?: Record<string, string>
}

export function canonicalizeV2(req: CanonicalRequest): string {
  return [req.date, req.method.toUpperCase(), req.host.toLowerCase(), req.path, canonicalizeParams(req.params)].join('\n')
}

export function canonicalizeV5(req: CanonicalRequest): string {
  return [
    req.date,
    req.method.toUpperCase(),
    req.host.toLowerCase(),
    req.path,
    canonicalizeParams(req.params),
    sha512Hex(req.body ?? ''),
    sha512Hex(canonicalizeXDuoHeaders(req.xDuoHeaders ?? {})),
  ].join('\n')
}

export function canonicalize(version: SignatureVersion, req: CanonicalRequest): string {
  return version === 5 ? canonicalizeV5(req) : canonicalizeV2(req)
}

export function hmacHex(secretKey: string, canonical: string, digest: Digest): string {
  return createHmac(digest, Buffer.from(secretKey, 'utf8')).update(canonical, 'utf8').digest('hex')
}

export function basicAuthorization(integrationKey: string, signatureHex: string): string {
  return 'Basic ' + Buffer.from(`${integrationKey}:${signatureHex}`, 'utf8').toString('base64')
}

export interface SigningKeys {
  ikey: string
  skey: string
  version: SignatureVersion
  /** v5 is SHA-512 only; v2 accepts either (current official clients use SHA-512). */
  digest: Digest
}

/** The Authorization header value for a request. */
export function signRequest(keys: SigningKeys, req: CanonicalRequest): string {
  if (keys.version === 5 && keys.digest !== 'sha512') throw new Error('signature v5 requires HMAC-SHA512')
  return basicAuthorization(keys.ikey, hmacHex(keys.skey, canonicalize(keys.version, req), keys.digest))
}

/** The date form Python's email.utils.formatdate() sends, e.g. `Tue, 21 Aug 2012 17:29:18 -0000`. */
export function formatDuoDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '-0000')
}
