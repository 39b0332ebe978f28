// The baselines' one piece of Duo: a v5-signed keep-alive GET, written with node:http and
// node:crypto only (no duo code), so a baseline measures the least a program can do. Reads the
// sandbox from DUO_HOST, DUO_IKEY, DUO_SKEY; `query` is already in canonical (sorted, encoded) order.
import {createHash, createHmac} from 'node:crypto'
import {Agent, request} from 'node:http'

const {DUO_HOST: base, DUO_IKEY: ikey, DUO_SKEY: skey} = process.env
const url = new URL(base)
export const agent = new Agent({keepAlive: true})
const empty = createHash('sha512').update('').digest('hex')

export function get(path, query) {
  const date = new Date().toUTCString()
  const canonical = [date, 'GET', url.hostname, path, query, empty, empty].join('\n')
  const sig = createHmac('sha512', skey).update(canonical).digest('hex')
  const headers = {Authorization: 'Basic ' + Buffer.from(`${ikey}:${sig}`).toString('base64'), Date: date}
  return new Promise((resolve, reject) => {
    const req = request({agent, headers, host: url.hostname, path: `${path}?${query}`, port: url.port}, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve(JSON.parse(body)))
    })
    req.on('error', reject)
    req.end()
  })
}
