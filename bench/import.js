// Bulk import: `duo users import` of 10,000 rows versus one createuser per row. Requests made
// (counted by the sandbox) and time; the target is at most one request per batch (100 rows).
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {BIN, round, runNode, sandboxEnv, startSandbox} from './lib.js'

const LOOP = fileURLToPath(new URL('import-loop.js', import.meta.url))
const BATCH = 100

export function writeUsersCsv(rows, prefix = 'imp') {
  const file = join(mkdtempSync(join(tmpdir(), 'duo-bench-import-')), 'users.csv')
  const lines = ['username,realname,email']
  for (let i = 1; i <= rows; i++) lines.push(`${prefix}${i},Imported User ${i},${prefix}${i}@example.com`)
  writeFileSync(file, lines.join('\n') + '\n')
  return file
}

export async function runImportBench({rows = 10_000} = {}) {
  const file = writeUsersCsv(rows)
  const loopSandbox = await startSandbox({port: 0})
  const duoSandbox = await startSandbox({port: 0})
  try {
    const loop = await runNode([LOOP, file], {env: sandboxEnv(loopSandbox)})
    if (loop.code !== 0) throw new Error(`baseline failed: ${loop.stderr}`)
    const before = duoSandbox.requestCount()
    const duo = await runNode([BIN, 'users', 'import', file, '--json'], {env: sandboxEnv(duoSandbox)})
    if (duo.code !== 0) throw new Error(`duo users import failed: ${duo.stderr}`)
    const requests = duoSandbox.requestCount() - before
    const allowed = Math.ceil(rows / BATCH)
    return [
      {
        name: `import ${rows.toLocaleString('en-US')} rows: requests`,
        baseline: `${loopSandbox.requestCount().toLocaleString('en-US')} (one per row)`,
        measured: `${requests}`,
        ratio: round(requests / loopSandbox.requestCount(), 3),
        target: `≤ ${allowed} (one per ${BATCH} rows)`,
        ok: requests <= allowed,
      },
      {
        name: `import ${rows.toLocaleString('en-US')} rows: time`,
        baseline: `${round(loop.ms / 1000)} s`,
        measured: `${round(duo.ms / 1000)} s`,
        ratio: round(duo.ms / loop.ms),
        target: 'faster than per-row',
        ok: duo.ms < loop.ms,
      },
    ]
  } finally {
    await loopSandbox.close()
    await duoSandbox.close()
  }
}
