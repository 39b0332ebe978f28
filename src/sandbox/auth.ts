// Duo's request authentication (Duo Admin API docs, "Authentication"; duo_client_python's sign()): HTTP Basic with the integration key and a hex HMAC of
// a canonical string rebuilt from the request as received. The canonical forms come from
// src/core/signing.ts, so client and sandbox share one implementation of the rules.
import {timingSafeEqual} from 'node:crypto'

import {type CanonicalRequest, type Digest, type SignatureVersion, canonicalize, hmacHex} from '../core/signing.js'
import {ApiFailure} from './envelope.js'
import {mergeParams} from '../core/wire.js'
import type {IncomingCall} from './incoming.js'

/** ±5 minutes: a third-party observation, unconfirmed by Duo's docs. */
export const DATE_WINDOW_MS = 5 * 60 * 1000

const failure = (code: number, message: string, detail?: string) => new ApiFailure(401, code, message, detail)

/** Throws the 401 Duo would send; returns when the request is authentic. Checks in Duo's order. */
export function authenticate(call: IncomingCall, keys: {ikey: string; skey: string}, nowMs: number): void {
  const credentials = parseBasic(call.headers.authorization)
  if (!credentials) throw failure(40_101, 'Missing request credentials')
  if (credentials.ikey !== keys.ikey) throw failure(40_102, 'Invalid integration key in request credentials')

  const date = header(call, 'x-duo-date') ?? header(call, 'date')
  // 40105 is a guess: Duo's text "Missing request timestamp" is known, its code is not (Duo Admin API docs, "Response Format").
  if (!date) throw failure(40_105, 'Missing request timestamp')
  const when = Date.parse(date)
  // 40104 and this text are guesses too (unconfirmed); the window is the third-party ±5 minutes.
  if (Number.isNaN(when) || Math.abs(when - nowMs) > DATE_WINDOW_MS) {
    throw failure(40_104, 'Request timestamp is out of the allowed window', `the request is dated ${date}`)
  }

  const received = Buffer.from(credentials.signature, 'utf8')
  const verifies = candidates(call, date, credentials.signature.length).some(({digest, request, version}) => {
    const expected = Buffer.from(hmacHex(keys.skey, canonicalize(version, request), digest), 'utf8')
    return expected.length === received.length && timingSafeEqual(expected, received)
  })
  if (!verifies) throw failure(40_103, 'Invalid signature in request credentials')
}

function parseBasic(value: string | undefined): undefined | {ikey: string; signature: string} {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(value ?? '')
  if (!match) return undefined
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon <= 0) return undefined
  return {ikey: decoded.slice(0, colon), signature: decoded.slice(colon + 1)}
}

function header(call: IncomingCall, name: string): string | undefined {
  const value = call.headers[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

interface Candidate {
  version: SignatureVersion
  digest: Digest
  request: CanonicalRequest
}

/**
 * Every canonical form the client may have signed. The hex length tells SHA-1 (40) from SHA-512
 * (128). v2 covers all parameters, so it only applies when the body is empty or a form; v5 covers
 * the query parameters, the raw body and every x-duo-* header received.
 */
function candidates(call: IncomingCall, date: string, signatureLength: number): Candidate[] {
  const digest: Digest | undefined = signatureLength === 40 ? 'sha1' : signatureLength === 128 ? 'sha512' : undefined
  if (!digest) return []
  const out: Candidate[] = []
  for (const host of signedHosts(call.headers.host)) {
    const base = {date, host, method: call.method, path: call.path}
    if (call.body === '' || call.form) out.push({digest, request: {...base, params: mergeParams(call.query, call.form)}, version: 2})
    const xDuoHeaders = singleValued(call.xDuoHeaders)
    if (digest === 'sha512' && xDuoHeaders) out.push({digest, request: {...base, body: call.body, params: call.query, xDuoHeaders}, version: 5})
  }

  return out
}

/** The Host header lowercased, with and without its port: clients sign the bare hostname (Duo Admin API docs, "Authentication"). */
function signedHosts(host: string | undefined): string[] {
  if (!host) return []
  const lower = host.toLowerCase()
  const bare = lower.replace(/:\d+$/, '')
  return bare === lower ? [lower] : [lower, bare]
}

/** Duo refuses a repeated X-Duo header (duo_client_python's canonicalize for v5), so such a request has no v5 form. */
function singleValued(headers: Record<string, string[]>): Record<string, string> | undefined {
  const out: Record<string, string> = {}
  for (const [name, values] of Object.entries(headers)) {
    if (values.length !== 1 || values[0].includes('\0')) return undefined
    out[name] = values[0]
  }

  return out
}
