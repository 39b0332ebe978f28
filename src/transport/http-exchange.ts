// One HTTP request and its whole answer, on Node's own client. This replaced node-fetch (the design
// card's choice): on Node 20 node-fetch is a WHATWG layer over this same module, and measured here
// it cost ~50 ms of start-up per command (fetch-blob, formdata-polyfill, web streams) and about a
// fifth of `duo serve rest`'s throughput, the two targets of issues #5 and #7. A signed call to
// Duo needs none of what it adds: no streaming bodies, no decompression (we send no
// Accept-Encoding), and no redirects (a signature is only valid for the host and path it names, so
// a 3xx is reported, not followed).
import {type Agent, type IncomingHttpHeaders, request as httpRequest} from 'node:http'
import {request as httpsRequest} from 'node:https'

export interface HttpExchange {
  method: string
  headers: Record<string, string>
  body?: string
  /** Keep-alive, proxy and CA settings (see network.ts). */
  agent: Agent
  /**
   * Fails the request when the connection stays silent this long, while connecting, waiting or
   * reading. The socket's own idle timer: measured here, an AbortSignal per request cost ~8% of the
   * REST adapter's CPU in listener bookkeeping.
   */
  timeoutMs: number
}

export interface HttpAnswer {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

/**
 * Sends the request and reads the answer as UTF-8 text. Fails with Node's own errors (their `code`,
 * e.g. ECONNREFUSED or a TLS code) or a TimeoutError, which network.ts explains.
 */
export function exchange(url: URL, options: HttpExchange): Promise<HttpAnswer> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest
  const headers = options.body === undefined ? options.headers : {...options.headers, 'Content-Length': String(Buffer.byteLength(options.body))}
  return new Promise((resolve, reject) => {
    const outgoing = request(url, {agent: options.agent, headers, method: options.method}, (incoming) => {
      let text = ''
      incoming.setEncoding('utf8')
      incoming.on('data', (chunk: string) => (text += chunk))
      incoming.on('end', () => resolve({headers: incoming.headers, status: incoming.statusCode ?? 0, text}))
      // A connection cut mid-answer, or the timeout firing while the body streams in.
      incoming.on('error', reject)
    })
    outgoing.setTimeout(options.timeoutMs, () => {
      outgoing.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), {name: 'TimeoutError'}))
    })
    outgoing.on('error', reject)
    outgoing.end(options.body)
  })
}
