// Rate limits at scale: paging 10,000 users and importing 2,000 rows against a sandbox that allows
// 10 requests per second. Both must slow down and finish, never fail or skip; the sandbox's count
// of requests beyond the minimum is the number of retries.
import {BIN, round, runNode, sandboxEnv, startSandbox} from './lib.js'
import {writeUsersCsv} from './import.js'

const rateLimit = {requests: 10, windowMs: 1000}

export async function runRateLimitBench({users = 10_000, rows = 2000} = {}) {
  const rowsOut = []
  const paging = await startSandbox({port: 0, rateLimit, users})
  try {
    const duo = await runNode([BIN, 'users', 'list', '--all', '--json'], {env: sandboxEnv(paging)})
    const pages = Math.ceil(users / 300)
    rowsOut.push({
      name: `rate limit 10/s: page ${users.toLocaleString('en-US')} users`,
      baseline: `${pages} requests needed`,
      measured: `${duo.lines.toLocaleString('en-US')} users, ${paging.requestCount() - pages} retries, ${round(duo.ms / 1000)} s`,
      ratio: round(duo.lines / users),
      target: 'all users, exit 0',
      ok: duo.code === 0 && duo.lines === users,
    })
  } finally {
    await paging.close()
  }

  // The demo tenant's own users, counted rather than assumed (the seed grows with the features), on
  // a sandbox of its own so that counting spends none of the rate-limited one's budget.
  const seeded = await startSandbox({port: 0})
  const demo = await runNode([BIN, 'users', 'list', '--all', '--json'], {env: sandboxEnv(seeded)}).finally(() => seeded.close())
  const importing = await startSandbox({port: 0, rateLimit})
  try {
    const file = writeUsersCsv(rows, 'rl')
    const requestsBefore = importing.requestCount()
    const duo = await runNode([BIN, 'users', 'import', file, '--json'], {env: sandboxEnv(importing)})
    const batches = Math.ceil(rows / 100)
    const listed = await runNode([BIN, 'users', 'list', '--all', '--json'], {env: sandboxEnv(importing)})
    const present = listed.lines - demo.lines
    rowsOut.push({
      name: `rate limit 10/s: import ${rows.toLocaleString('en-US')} rows`,
      baseline: `${batches} batches`,
      measured: `${present.toLocaleString('en-US')} users created, ${importing.requestCount() - requestsBefore - batches - Math.ceil(listed.lines / 300)} retries, ${round(duo.ms / 1000)} s`,
      ratio: round(present / rows),
      target: 'all rows, exit 0',
      ok: duo.code === 0 && present === rows,
    })
  } finally {
    await importing.close()
  }

  return rowsOut
}
