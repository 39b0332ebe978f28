// The network half of `duo doctor`: name resolution, a TCP connection, and one unauthenticated
// request through the client's own transport (so the same proxy and CA settings apply), which shows
// the server's certificate and Duo's clock.
import {lookup} from 'node:dns/promises'
import {request as httpRequest} from 'node:http'
import {request as httpsRequest} from 'node:https'
import {connect} from 'node:net'
import type {PeerCertificate, TLSSocket} from 'node:tls'

import type {Transport} from '../transport/network.js'

export async function resolveName(hostname: string): Promise<string> {
  return (await lookup(hostname)).address
}

export function connectTcp(host: string, port: number, timeoutMs: number): Promise<{address: string; ms: number}> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const socket = connect({host, port, timeout: timeoutMs})
    socket.once('connect', () => {
      resolve({address: socket.remoteAddress ?? host, ms: Date.now() - started})
      socket.destroy()
    })
    socket.once('timeout', () => socket.destroy(Object.assign(new Error(`no connection within ${timeoutMs / 1000} s`), {code: 'ETIMEDOUT'})))
    socket.once('error', reject)
  })
}

export interface ProbeAnswer {
  status: number
  /** Duo's clock minus ours, when the answer had a Date header. */
  clockOffsetMs?: number
  /** For https: who the verified certificate names. */
  tls?: {issuer: string; subject: string; protocol: string}
}

/**
 * Duo's unauthenticated ping (Auth API, served by the same host). Any answer will do: even a 401
 * (the sandbox's) carries a Date header, and reaching it at all means TLS verified.
 */
export async function probeDuo(transport: Transport, baseUrl: string, timeoutMs: number): Promise<ProbeAnswer> {
  const url = new URL('/auth/v2/ping', baseUrl)
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  const agent = await transport.agentFor(url)
  return new Promise((resolve, reject) => {
    const request = send(url, {agent, headers: {'User-Agent': 'duo-cli doctor'}, signal: AbortSignal.timeout(timeoutMs)}, (response) => {
      response.resume()
      const socket = response.socket as Partial<TLSSocket>
      const status = response.statusCode ?? 0
      if (url.protocol === 'https:' && !socket.getPeerCertificate) {
        // https-proxy-agent replays a refused CONNECT's answer on a plain socket.
        reject(new Error(`the proxy answered HTTP ${status} instead of opening a tunnel to Duo`))
        return
      }

      const certificate = socket.getPeerCertificate?.()
      const date = Date.parse(response.headers.date ?? '')
      resolve({
        clockOffsetMs: Number.isNaN(date) ? undefined : date - Date.now(),
        status,
        tls: certificate
          ? {issuer: distinguishedName(certificate.issuer), protocol: socket.getProtocol?.() ?? 'TLS', subject: distinguishedName(certificate.subject)}
          : undefined,
      })
    })
    request.once('error', reject)
    request.end()
  })
}

/** "CN=…, O=…": the two fields that tell a public CA from a corporate one. */
function distinguishedName(name: PeerCertificate['issuer'] | undefined): string {
  const parts = (['CN', 'O'] as const).flatMap((key) => {
    const value = name?.[key]
    return value ? [`${key}=${Array.isArray(value) ? value.join('+') : value}`] : []
  })
  return parts.join(', ') || 'an unnamed certificate'
}
