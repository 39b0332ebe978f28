// A real HTTP server on 127.0.0.1 port 0 that records each request (method, url, headers, body)
// and answers Duo's OK envelope: what a client test reads to see exactly what went on the wire.
import {type IncomingMessage, type Server, createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

export interface Captured {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

export async function recordingServer(): Promise<{captured: Captured[]; server: Server; url: string}> {
  const captured: Captured[] = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      captured.push({body, headers: req.headers, method: req.method!, url: req.url!})
      res.setHeader('Content-Type', 'application/json')
      res.end(JSON.stringify({response: [], stat: 'OK'}))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {captured, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`}
}
