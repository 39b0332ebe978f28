// Log export: `duo logs auth --all --json` over 200,000 and 1,000,000 sandbox authentication events,
// versus a minimal signed cursor loop that also writes NDJSON (logs-loop.js). Time and peak memory
// of each process; memory must stay flat as the event count grows.
import {fileURLToPath} from 'node:url'

import {BIN, round, runNode, sandboxEnv, startSandbox} from './lib.js'

const LOOP = fileURLToPath(new URL('logs-loop.js', import.meta.url))
const DAY = 86_400_000

export async function runLogsBench({sizes = [200_000, 1_000_000]} = {}) {
  const rows = []
  const peaks = []
  for (const events of sizes) {
    // One sandbox for both sides: its history is computed on demand, so neither leaves garbage behind.
    const sandbox = await startSandbox({authEvents: events, logLagMs: 0, port: 0})
    try {
      const env = sandboxEnv(sandbox)
      const now = Date.now()
      const loop = await runNode([LOOP], {env: {...env, LOG_MAXTIME: String(now), LOG_MINTIME: String(now - 31 * DAY)}})
      const duo = await runNode([BIN, 'logs', 'auth', '--since', '31d', '--all', '--json'], {env})
      // The demo tenant adds a handful of scripted events (the locked-out user) to the generated ones.
      if (loop.code !== 0 || loop.lines < events || loop.lines > events + 10) throw new Error(`the baseline loop printed ${loop.lines} of ${events}: ${loop.stderr}`)
      if (duo.code !== 0 || duo.lines !== loop.lines) throw new Error(`duo printed ${duo.lines} of ${loop.lines} events: ${duo.stderr}`)
      const ratio = duo.ms / loop.ms
      peaks.push(duo.peakRssMiB)
      const label = `logs export ${events.toLocaleString('en-US')} auth events`
      rows.push(
        {name: `${label}: time vs signed loop`, baseline: `${round(loop.ms / 1000)} s`, measured: `${round(duo.ms / 1000)} s`, ratio: round(ratio), target: '≤ 1.1×', ok: ratio <= 1.1},
        {name: `${label}: peak memory`, baseline: `${round(loop.peakRssMiB, 0)} MiB (loop)`, measured: `${round(duo.peakRssMiB, 0)} MiB`, ratio: round(duo.peakRssMiB / loop.peakRssMiB), target: '< 150 MiB', ok: duo.peakRssMiB < 150},
      )
    } finally {
      await sandbox.close()
    }
  }

  if (peaks.length > 1) {
    const growth = peaks.at(-1) / peaks[0]
    rows.push({
      name: `logs export: memory ${sizes[0].toLocaleString('en-US')} → ${sizes.at(-1).toLocaleString('en-US')} events`,
      baseline: `${round(peaks[0], 0)} MiB`,
      measured: `${round(peaks.at(-1), 0)} MiB`,
      ratio: round(growth),
      target: 'flat (≤ 1.2×)',
      ok: growth <= 1.2,
    })
  }

  return rows
}
