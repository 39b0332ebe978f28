// Start-up: `duo users get USER --json` against a running sandbox, versus bare `node -e 0`.
// Medians of many runs, alternating them so machine noise hits all alike, after a few unmeasured
// rounds: right after a build the first runs read files from disk that later runs find in memory.
// `duo --version` is reported too: it is oclif's own floor (no command module, no request).
import {median, round, runNode, sandboxEnv, startSandbox, BIN} from './lib.js'

export async function runStartupBench({runs = 25, warmup = 3} = {}) {
  const sandbox = await startSandbox({port: 0})
  const env = sandboxEnv(sandbox)
  try {
    const duo = []
    const node = []
    const floor = []
    for (let i = 0; i < warmup; i++) await runNode([BIN, 'users', 'get', 'alice', '--json'], {env, rss: false})
    for (let i = 0; i < runs; i++) {
      node.push((await runNode(['-e', '0'], {rss: false})).ms)
      const b = await runNode([BIN, 'users', 'get', 'alice', '--json'], {env, rss: false})
      if (b.code !== 0) throw new Error(`duo users get failed: ${b.stderr}`)
      duo.push(b.ms)
      floor.push((await runNode([BIN, '--version'], {env, rss: false})).ms)
    }

    const ratio = median(duo) / median(node)
    return [
      {
        name: 'startup: users get --json vs node -e 0',
        baseline: `${round(median(node), 0)} ms`,
        measured: `${round(median(duo), 0)} ms`,
        ratio: round(ratio),
        target: '≤ 2.2×',
        ok: ratio <= 2.2,
      },
      {
        name: 'startup: oclif floor (duo --version) vs node -e 0',
        baseline: `${round(median(node), 0)} ms`,
        measured: `${round(median(floor), 0)} ms`,
        ratio: round(median(floor) / median(node)),
        target: 'reported',
        ok: true,
      },
    ]
  } finally {
    await sandbox.close()
  }
}
