// The checks every local HTTP surface (`duo serve rest`, `duo serve mcp`) makes before it does any
// work for a request. These servers hold signing keys for a whole Duo account, so a browser tab,
// another local user or a rebinding DNS name must not be able to drive them.
//
// API (all a server needs; each failure is a thrown `Refusal` it renders in its own format):
//   resolveToken({token, tokenFile, auth})  the bearer token to require: given, read from a file,
//                                           or generated (undefined when auth is false)
//   assertSafeBind(host, auth)              throws UsageError for no-auth on a non-loopback address
//   createGuard({host, port, token})        (req) => void; throws Refusal 403 for a foreign Host or
//                                           Origin, 401 for a missing or wrong bearer token
//                                           (guard.checkOrigin(req) alone, for unauthenticated routes)
//   readBody(req, limitBytes?)              the body as a Buffer; Refusal 413 past the limit (1 MiB)
//   Refusal                                 {status, kind, message, headers}
import {createHash, randomBytes, timingSafeEqual} from 'node:crypto'
import {readFileSync} from 'node:fs'
import type {IncomingMessage} from 'node:http'
import {hostname, networkInterfaces} from 'node:os'

import {UsageError} from '../core/errors.js'
import {isLoopbackHost} from '../core/host.js'

export const DEFAULT_BODY_LIMIT = 1024 * 1024

export type RefusalKind = 'bad-host' | 'bad-origin' | 'body-too-large' | 'invalid-token' | 'missing-token'

/** A request the guard will not serve; servers map it to their own error format. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly kind: RefusalKind,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'Refusal'
  }
}

export interface TokenOptions {
  token?: string
  tokenFile?: string
  /** False for --no-auth: no token at all. */
  auth: boolean
}

/** The token callers must present, or undefined when auth is off. */
export function resolveToken(options: TokenOptions): string | undefined {
  if (!options.auth) return undefined
  const token = options.tokenFile === undefined ? options.token : readTokenFile(options.tokenFile)
  if (token === undefined) return randomBytes(32).toString('base64url')
  // A short token can be guessed through the server; 16 characters is a floor, not a goal.
  if (token.length < 16) throw new UsageError('The bearer token must be at least 16 characters.', 'Omit --token to get a random one.')
  return token
}

function readTokenFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim()
  } catch (error) {
    throw new UsageError(`Cannot read the token file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`)
  }
}

/** Without a token anyone who can reach the port acts with the profile's keys: loopback only. */
export function assertSafeBind(host: string, auth: boolean): void {
  if (!auth && !isLoopbackHost(host)) {
    throw new UsageError(
      `--no-auth is refused on ${host}: anyone who can reach that address could call Duo with your keys.`,
      'Keep the token, or listen on 127.0.0.1.',
    )
  }
}

export interface GuardOptions {
  /** The address the server listens on (as given to listen). */
  host: string
  /** The port actually bound (after listen, so port 0 is resolved). */
  port: number
  /** Undefined: no bearer token is required. */
  token?: string
}

export interface Guard {
  /** Host, Origin and bearer token; throws Refusal. */
  (req: IncomingMessage): void
  /** Host and Origin only, for routes open without a token (health checks). */
  checkOrigin(req: IncomingMessage): void
}

export function createGuard(options: GuardOptions): Guard {
  const authorities = ownAuthorities(options.host, options.port)
  const origins = new Set([...authorities].map((authority) => `http://${authority}`))
  const expected = options.token === undefined ? undefined : digest(options.token)

  const checkOrigin = (req: IncomingMessage): void => {
    // A DNS-rebinding page reaches us under its own name: only our own names are served.
    const host = (req.headers.host ?? '').toLowerCase()
    if (!authorities.has(host)) throw new Refusal(403, 'bad-host', `Host "${req.headers.host ?? ''}" is not this server (expected ${[...authorities][0]})`)
    // Browsers send Origin on cross-site requests; we serve no pages, so no foreign site may call us.
    const origin = req.headers.origin?.toLowerCase()
    if (origin !== undefined && !origins.has(origin)) throw new Refusal(403, 'bad-origin', `requests from the web origin ${req.headers.origin} are refused`)
  }

  const guard = (req: IncomingMessage): void => {
    checkOrigin(req)
    if (expected === undefined) return
    const match = /^bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')
    const challenge = {'WWW-Authenticate': 'Bearer realm="duo"'}
    if (!match) throw new Refusal(401, 'missing-token', 'send Authorization: Bearer <token> (printed when the server started)', challenge)
    // Hashing first gives equal lengths, so the comparison time says nothing about the token.
    if (!timingSafeEqual(digest(match[1]), expected)) throw new Refusal(401, 'invalid-token', 'the bearer token is not the one this server expects', challenge)
  }

  return Object.assign(guard, {checkOrigin})
}

/** The body, refusing more than `limit` bytes: by Content-Length up front, else while reading. */
export function readBody(req: IncomingMessage, limit = DEFAULT_BODY_LIMIT): Promise<Buffer> {
  const tooLarge = () => new Refusal(413, 'body-too-large', `the request body is over ${limit} bytes`)
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge())
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
        return
      }

      // Answer at once; Node discards the rest of the upload so the caller still reads the 413.
      req.off('data', onData)
      req.resume()
      reject(tooLarge())
    }

    req.on('data', onData)
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}

/**
 * Every `name:port` a legitimate caller can put in Host: the loopback names, the bind address and,
 * when bound to all interfaces, this machine's own addresses and name.
 */
function ownAuthorities(host: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', bracket(host.toLowerCase())])
  if (host === '0.0.0.0' || host === '::') {
    names.add(hostname().toLowerCase())
    for (const address of Object.values(networkInterfaces()).flat()) if (address) names.add(bracket(address.address.toLowerCase()))
  }

  const authorities = new Set<string>()
  for (const name of names) {
    authorities.add(`${name}:${port}`)
    // Clients leave the default port out of Host.
    if (port === 80) authorities.add(name)
  }

  return authorities
}

function bracket(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address
}
