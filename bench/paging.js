// Paging: `duo users list --all --json` over 10,000 and 100,000 sandbox users, versus a minimal
// signed keep-alive loop (paging-loop.js). Time and peak memory of each process.
import {fileURLToPath} from 'node:url'

import {BIN, round, runNode, sandboxEnv, startSandbox} from './lib.js'

const LOOP = fileURLToPath(new URL('paging-loop.js', import.meta.url))

export async function runPagingBench({sizes = [10_000, 100_000]} = {}) {
  const rows = []
  for (const users of sizes) {
    // A fresh sandbox for each side, so neither pays for the garbage the other left in it.
    const loop = await withSandbox(users, (env) => runNode([LOOP], {env}))
    const duo = await withSandbox(users, (env) => runNode([BIN, 'users', 'list', '--all', '--json'], {env}))
    if (duo.code !== 0 || duo.lines !== users) throw new Error(`duo printed ${duo.lines} of ${users} users: ${duo.stderr}`)
    if (loop.lines !== users) throw new Error(`the baseline loop printed ${loop.lines} of ${users}`)
    const ratio = duo.ms / loop.ms
    rows.push(
      {
        name: `paging ${users.toLocaleString('en-US')} users: time vs signed loop`,
        baseline: `${round(loop.ms / 1000)} s`,
        measured: `${round(duo.ms / 1000)} s`,
        ratio: round(ratio),
        target: '≤ 1.2×',
        ok: ratio <= 1.2,
      },
      {
        name: `paging ${users.toLocaleString('en-US')} users: peak memory`,
        baseline: `${round(loop.peakRssMiB, 0)} MiB (loop)`,
        measured: `${round(duo.peakRssMiB, 0)} MiB`,
        ratio: round(duo.peakRssMiB / loop.peakRssMiB),
        target: '< 150 MiB',
        ok: duo.peakRssMiB < 150,
      },
    )
  }

  return rows
}

async function withSandbox(users, run) {
  const sandbox = await startSandbox({port: 0, users})
  try {
    return await run(sandboxEnv(sandbox))
  } finally {
    await sandbox.close()
  }
}
