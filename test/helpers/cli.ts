// Runs the built CLI (bin/run.js → dist/) as a user would: a child process with its own config dir,
// no terminal, and a clean environment (no real Duo keys leak in from the developer's shell).
import {spawn} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
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

/** The project root, for oclif's in-process runCommand (which otherwise guesses from the caller). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface InProcessResult {
  exitCode: number
  stdout: string
  stderr: string
}

/**
 * Runs a command inside the test process (so nock and the swapped backoff clock apply), capturing
 * what it writes. The exit code is what the process would exit with.
 */
export async function runInProcess(argv: string[]): Promise<InProcessResult> {
  const {run} = await import('@oclif/core')
  const out: string[] = []
  const err: string[] = []
  const writeOut = process.stdout.write
  const writeErr = process.stderr.write
  process.stdout.write = ((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as typeof process.stdout.write
  process.stderr.write = ((chunk: string | Uint8Array) => (err.push(String(chunk)), true)) as typeof process.stderr.write
  let exitCode = 0
  try {
    await run(argv, ROOT)
  } catch (error) {
    exitCode = (error as {oclif?: {exit?: number}}).oclif?.exit ?? 1
  } finally {
    process.stdout.write = writeOut
    process.stderr.write = writeErr
  }

  return {exitCode, stderr: err.join(''), stdout: out.join('')}
}
