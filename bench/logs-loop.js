// The log export baseline: the least a program can do to export the authentication log — a signed
// keep-alive GET loop over /admin/v2/logs/authentication following the [ms, txid] cursor, written
// with node:http and node:crypto only (no duo code), printing one JSON line per event like
// `duo logs auth --all --json`.
import {createHash, createHmac} from 'node:crypto'
import {once} from 'node:events'
import {Agent, request} from 'node:http'

const {DUO_HOST: base, DUO_IKEY: ikey, DUO_SKEY: skey, LOG_MINTIME: mintime, LOG_MAXTIME: maxtime} = process.env
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

let cursor
for (;;) {
  // Parameters in canonical (sorted, encoded) order, as signing requires.
  const query = [
    'limit=1000',
    `maxtime=${maxtime}`,
    `mintime=${mintime}`,
    ...(cursor ? [`next_offset=${encodeURIComponent(cursor)}`] : []),
    'sort=ts%3Aasc',
  ].join('&')
  const page = await get('/admin/v2/logs/authentication', query)
  if (page.stat !== 'OK') throw new Error(JSON.stringify(page))
  const {authlogs, metadata} = page.response
  if (authlogs.length > 0 && !process.stdout.write(authlogs.map((a) => JSON.stringify(a)).join('\n') + '\n')) await once(process.stdout, 'drain')
  if (!metadata.next_offset) break
  cursor = metadata.next_offset.join(',')
}

agent.destroy()
