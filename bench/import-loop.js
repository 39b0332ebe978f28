// The import baseline: one signed createuser POST per row over a keep-alive connection, written
// with node:http and node:crypto only — what a script without bulk_create would do.
import {createHash, createHmac} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {Agent, request} from 'node:http'

const {DUO_HOST: base, DUO_IKEY: ikey, DUO_SKEY: skey} = process.env
const url = new URL(base)
const agent = new Agent({keepAlive: true})
const sha512 = (s) => createHash('sha512').update(s).digest('hex')
const empty = sha512('')

function post(path, body) {
  const date = new Date().toUTCString()
  const canonical = [date, 'POST', url.hostname, path, '', sha512(body), empty].join('\n')
  const sig = createHmac('sha512', skey).update(canonical).digest('hex')
  const headers = {Authorization: 'Basic ' + Buffer.from(`${ikey}:${sig}`).toString('base64'), 'Content-Type': 'application/json', Date: date}
  return new Promise((resolve, reject) => {
    const req = request({agent, headers, host: url.hostname, method: 'POST', path, port: url.port}, (res) => {
      let text = ''
      res.on('data', (c) => (text += c))
      res.on('end', () => resolve(JSON.parse(text)))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const [header, ...rows] = readFileSync(process.argv[2], 'utf8').trim().split('\n')
const columns = header.split(',')
for (const row of rows) {
  const user = Object.fromEntries(row.split(',').map((v, i) => [columns[i], v]))
  const answer = await post('/admin/v1/users', JSON.stringify(user))
  if (answer.stat !== 'OK') throw new Error(JSON.stringify(answer))
}

agent.destroy()
