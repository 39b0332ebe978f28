// The paging baseline: the least a program can do to list every user — a signed keep-alive GET
// loop following next_offset (bench/signed-get.js: node:http and node:crypto only, no duo code),
// printing one JSON line per user like `duo users list --all --json`.
import {once} from 'node:events'

import {agent, get} from './signed-get.js'

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
