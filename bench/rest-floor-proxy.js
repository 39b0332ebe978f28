// The least a local signing proxy can do, as a floor for bench/rest.js: take a GET, sign it with a
// fresh date, send it to the sandbox over one keep-alive connection, and hand the answer back. No
// token, no checks, no catalog. What this adds over direct calls is the cost of one more process
// and hop on this machine, not of anything `duo serve rest` does.
//
// Run: DUO_HOST=… DUO_IKEY=… DUO_SKEY=… node bench/rest-floor-proxy.js   (prints {"url": …})
import {Agent, createServer, request} from 'node:http'

import {formatDuoDate, signRequest} from '../dist/core/signing.js'

const upstream = new URL(process.env.DUO_HOST)
const keys = {digest: 'sha512', ikey: process.env.DUO_IKEY, skey: process.env.DUO_SKEY, version: 5}
const agent = new Agent({keepAlive: true})

const server = createServer((req, res) => {
  const [path, query = ''] = req.url.split('?')
  const date = formatDuoDate(new Date())
  const authorization = signRequest(keys, {body: '', date, host: upstream.hostname, method: 'GET', params: Object.fromEntries(new URLSearchParams(query)), path})
  const outgoing = request(new URL(req.url, upstream), {agent, headers: {Authorization: authorization, Date: date}}, (answer) => {
    let body = ''
    answer.setEncoding('utf8')
    answer.on('data', (chunk) => (body += chunk))
    answer.on('end', () => res.writeHead(answer.statusCode, {'Content-Length': Buffer.byteLength(body), 'Content-Type': 'application/json'}).end(body))
  })
  outgoing.on('error', () => res.destroy())
  outgoing.end()
})

server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({url: `http://127.0.0.1:${server.address().port}`})))
process.on('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
  agent.destroy()
})
