// The log export baseline: the least a program can do to export the authentication log — a signed
// keep-alive GET loop over /admin/v2/logs/authentication following the [ms, txid] cursor
// (bench/signed-get.js: node:http and node:crypto only, no duo code), printing one JSON line per
// event like `duo logs auth --all --json`.
import {once} from 'node:events'

import {agent, get} from './signed-get.js'

const {LOG_MINTIME: mintime, LOG_MAXTIME: maxtime} = process.env

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
