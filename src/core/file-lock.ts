// Files that several duo processes may change at once (profiles, the embedded sandbox's state, an
// import journal) are changed under an inter-process lock (proper-lockfile: a `FILE.lock` folder,
// whose creation is atomic on every file system) and written atomically (write-file-atomic: a temp
// file renamed over the old one), so a change is never lost to another process's read-modify-write
// and a reader never sees half a file. A lock that cannot be had in a few seconds is an error that
// says so, never a silent loss.
import {readdirSync, rmSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {createRequire} from 'node:module'

import {DuoError, ExitCode} from './errors.js'

// Loaded on first use: commands that only read a profile never pay for them.
const require = createRequire(import.meta.url)
const lockfile = () => require('proper-lockfile') as typeof import('proper-lockfile')
const atomic = () => require('write-file-atomic') as typeof import('write-file-atomic')

/** How long to wait for a lock another process holds. */
export const LOCK_WAIT_MS = 5000
/**
 * A lock whose folder has not been touched for this long belongs to a killed process and is taken
 * over (the holder refreshes it every STALE_MS / 2 while it runs).
 */
const STALE_MS = 3000

export class LockTimeoutError extends DuoError {
  override name = 'LockTimeoutError'

  constructor(file: string, waitedMs: number) {
    super(
      `${file} is locked by another duo process (waited ${Math.round(waitedMs / 1000)} s); nothing was changed.`,
      ExitCode.error,
      `Wait for the other command to finish and run this one again. If no duo command is running, remove ${file}.lock.`,
    )
  }
}

const lockOptions = (onCompromised: (error: Error) => void) => ({onCompromised, realpath: false, stale: STALE_MS})

/** Runs `change` while holding `file`'s lock (waiting for it if need be); for short synchronous work. */
export function withFileLockSync<T>(file: string, change: () => T, waitMs = LOCK_WAIT_MS): T {
  const release = acquireSync(file, waitMs)
  try {
    return change()
  } finally {
    release()
  }
}

/** Runs `change` while holding `file`'s lock, waiting for it without blocking the event loop. */
export async function withFileLock<T>(file: string, change: () => Promise<T> | T, waitMs = LOCK_WAIT_MS): Promise<T> {
  const release = await acquireFileLock(file, {waitMs})
  try {
    return await change()
  } finally {
    await release()
  }
}

/**
 * Takes `file`'s lock and keeps it (refreshed in the background) until the returned function is
 * called: for a job that owns a file for its whole run, like an import and its journal.
 * `onCompromised` is told if the lock is lost meanwhile (the process stalled past STALE_MS).
 */
export async function acquireFileLock(
  file: string,
  {onCompromised = () => {}, waitMs = LOCK_WAIT_MS}: {onCompromised?: (error: Error) => void; waitMs?: number} = {},
): Promise<() => Promise<void>> {
  const started = Date.now()
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    try {
      const release = await lockfile().lock(file, lockOptions(onCompromised))
      removeStaleTemps(file)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
      if (Date.now() - started >= waitMs) throw new LockTimeoutError(file, Date.now() - started)
      await new Promise((resolve) => setTimeout(resolve, delay))
    }
  }
}

function acquireSync(file: string, waitMs: number): () => void {
  const started = Date.now()
  const pause = new Int32Array(new SharedArrayBuffer(4))
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    try {
      // A synchronous holder is done within milliseconds, long before the refresh timer would run.
      const release = lockfile().lockSync(file, lockOptions(() => {}))
      removeStaleTemps(file)
      return release
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
      if (Date.now() - started >= waitMs) throw new LockTimeoutError(file, Date.now() - started)
      Atomics.wait(pause, 0, 0, delay)
    }
  }
}

/**
 * Writes `file` whole and atomically, 0600 from its creation (a secret is never readable by others,
 * even briefly). `fsync: false` for files rewritten often that need to survive a killed process
 * (which the rename alone guarantees) rather than a power cut.
 */
export function writeFileAtomicSync(file: string, text: string, {fsync = true}: {fsync?: boolean} = {}): void {
  atomic().sync(file, text, {fsync, mode: 0o600})
}

/**
 * Temp files a killed writer left beside `file`: write-file-atomic's `FILE.<number>` and the older
 * `FILE.<pid>[.<hex>].tmp`. Called on taking the lock, when no other writer can be mid-write.
 */
function removeStaleTemps(file: string): void {
  const name = basename(file)
  let entries: string[]
  try {
    entries = readdirSync(dirname(file))
  } catch {
    return
  }

  for (const entry of entries) {
    if (!entry.startsWith(name + '.')) continue
    const rest = entry.slice(name.length + 1)
    if (/^\d+$/.test(rest) || /^\d+(\.[\da-f]+)?\.tmp$/.test(rest)) rmSync(join(dirname(file), entry), {force: true})
  }
}
