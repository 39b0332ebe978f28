// The paging baseline: the least a program can do to list every user — a signed keep-alive GET
// loop following next_offset, written here with node:http and node:crypto only (no duo code), and
// printing one JSON line per user like `duo users list --all --json`.
import {createHash, createHmac} from 'node:crypto'
import {once} from 'node:events'
import {Agent, request} from 'node:http'

const {DUO_HOST: base, DUO_IKEY: ikey, DUO_SKEY: skey} = process.env
const url = new URL(base)
const agent = new Agent({keepAlive: true})
const empty = createHash('sha512').update('').digest('hex')

function get(path, query) {
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

let offset = 0
for (;;) {
  const page = await get('/admin/v1/users', `limit=300&offset=${offset}`)
  if (page.stat !== 'OK') throw new Error(JSON.stringify(page))
  if (!process.stdout.write(page.response.map((u) => JSON.stringify(u)).join('\n') + '\n')) await once(process.stdout, 'drain')
  const next = page.metadata?.next_offset
  if (next === undefined || next === null) break
  offset = next
}

agent.destroy()
