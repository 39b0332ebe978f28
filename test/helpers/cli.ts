// Runs the built CLI (bin/run.js → dist/bundle/) as a user would: a child process with its own config dir,
// no terminal, and a clean environment (no real Duo keys leak in from the developer's shell).
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const BIN = fileURLToPath(new URL('../../bin/run.js', import.meta.url))

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

export interface CliOptions {
  env?: Record<string, string | undefined>
  input?: string
  configDir?: string
}

export function tempConfigDir(): string {
  return mkdtempSync(join(tmpdir(), 'duo-cli-test-'))
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const env: Record<string, string | undefined> = {
    HOME: process.env.HOME,
    NO_COLOR: '1',
    PATH: process.env.PATH,
    DUO_CONFIG_DIR: options.configDir ?? tempConfigDir(),
    ...options.env,
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stderr, stdout}))
    child.stdin.end(options.input ?? '')
  })
}

/** The project root: oclif reads the package's configuration from there. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface InProcessResult {
  exitCode: number
  stdout: string
  stderr: string
}

/**
 * Runs a command inside the test process (so nock and the swapped backoff clock apply), capturing
 * what it writes. The exit code is what the process would exit with. It runs the unbundled build
 * (dist/commands), whose modules a test can reach, such as dist/transport/client.js's backoff clock; the
 * bundle bin/run.js loads is the same code, which every child-process test runs.
 */
export async function runInProcess(argv: string[]): Promise<InProcessResult> {
  const {file, args} = commandFile(argv)
  const {default: command} = (await import(file)) as {default: {run(argv: string[], root: string): Promise<unknown>}}
  const out: string[] = []
  const err: string[] = []
  const writeOut = process.stdout.write
  const writeErr = process.stderr.write
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write
  let exitCode = 0
  try {
    await command.run(args, ROOT)
  } catch (error) {
    exitCode = (error as {oclif?: {exit?: number}}).oclif?.exit ?? 1
  } finally {
    process.stdout.write = writeOut
    process.stderr.write = writeErr
  }

  return {exitCode, stderr: err.join(''), stdout: out.join('')}
}

/** The compiled command for the longest leading words of argv (`users get alice` → users/get.js). */
function commandFile(argv: string[]): {file: string; args: string[]} {
  for (let words = argv.length; words > 0; words--) {
    const file = join(ROOT, 'dist', 'commands', ...argv.slice(0, words)) + '.js'
    if (existsSync(file)) return {args: argv.slice(words), file}
  }

  throw new Error(`no command in dist/commands for: ${argv.join(' ')}`)
}
