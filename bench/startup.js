// Start-up: `duo users get USER --json` against a running sandbox, versus bare `node -e 0`.
// Medians of many runs, alternating the two so machine noise hits both alike.
import {median, round, runNode, sandboxEnv, startSandbox, BIN} from './lib.js'

export async function runStartupBench({runs = 15} = {}) {
  const sandbox = await startSandbox({port: 0})
  const env = sandboxEnv(sandbox)
  try {
    const duo = []
    const node = []
    for (let i = 0; i < runs; i++) {
      const a = await runNode(['-e', '0'])
      const b = await runNode([BIN, 'users', 'get', 'alice', '--json'], {env})
      if (b.code !== 0) throw new Error(`duo users get failed: ${b.stderr}`)
      node.push(a.ms)
      duo.push(b.ms)
    }

    const ratio = median(duo) / median(node)
    return {
      name: 'startup: users get --json vs node -e 0',
      baseline: `${round(median(node), 0)} ms`,
      measured: `${round(median(duo), 0)} ms`,
      ratio: round(ratio),
      target: '≤ 2.5×',
      ok: ratio <= 2.5,
    }
  } finally {
    await sandbox.close()
  }
}
