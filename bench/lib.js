// Shared by the benchmarks: run the built CLI as a user would (a child process), time it, and read
// its peak memory; start sandboxes in this process. Benchmarks compare against a baseline measured
// in the same run, never against fixed numbers.
import {spawn} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const BIN = fileURLToPath(new URL('../bin/run.js', import.meta.url))
const REPORT_RSS = fileURLToPath(new URL('report-rss.js', import.meta.url))

export {startSandbox} from '../dist/sandbox/server.js'

export function sandboxEnv(sandbox) {
  return {DUO_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'duo-bench-')), DUO_HOST: sandbox.host, DUO_IKEY: sandbox.ikey, DUO_SKEY: sandbox.skey}
}

/**
 * Runs `node [script] args` as a child; resolves with wall time (ms), peak RSS (MiB, read by the
 * child itself at exit unless `rss` is false), exit code, stdout byte count and line count (stdout
 * is counted, not kept). Timings of start-up pass `rss: false`: the reporting hook loads Node's ES
 * module loader, which would make bare `node -e 0` look slower than it is.
 */
export function runNode(args, {env = {}, input, rss = true} = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [...(rss ? ['--import', REPORT_RSS] : []), ...args], {
      env: {...process.env, NO_COLOR: '1', ...env},
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let bytes = 0
    let lines = 0
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      bytes += chunk.length
      for (const b of chunk) if (b === 10) lines++
    })
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = performance.now() - started
      const rss = /duo-bench-rss:(\d+)/.exec(stderr)
      resolve({bytes, code, lines, ms, peakRssMiB: rss ? Number(rss[1]) / 1024 : undefined, stderr: stderr.replace(/duo-bench-rss:\d+\n?/, '')})
    })
    child.stdin.end(input ?? '')
  })
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits

/**
 * Starts a long-running duo command (`sandbox start`, `serve rest`) that prints one JSON line on
 * stdout when ready; resolves with that line and a stop() that sends SIGTERM and waits for exit.
 */
export function startService(args, env = {}) {
  return startNodeProcess([BIN, ...args, '--json'], env)
}

/** startService for any node script that prints one JSON line when ready. */
export async function startNodeProcess(nodeArgs, env = {}) {
  const child = spawn(process.execPath, nodeArgs, {env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']})
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  let buffer = ''
  for await (const chunk of child.stdout) {
    buffer += chunk
    if (buffer.includes('\n')) break
  }

  if (!buffer.includes('\n')) throw new Error(`node ${nodeArgs.join(' ')} exited before it was ready: ${stderr}`)
  const stop = () =>
    new Promise((resolve) => {
      child.once('exit', resolve)
      child.kill('SIGTERM')
    })
  return {info: JSON.parse(buffer.split('\n')[0]), stop}
}
