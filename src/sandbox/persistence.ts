// The state file: the whole Snapshot as JSON. It holds the secret key, so it is written 0600, and
// atomically (write-file-atomic: temp file + rename) so a crash mid-write never leaves half a file.
// Several processes may serve the same file at once (each `duo … --sandbox` runs its own emulator),
// so a change is made under the file's lock on the state as last written by anyone (SharedStateFile).
import {existsSync, readFileSync, statSync} from 'node:fs'

import {writeFileAtomicSync} from '../core/file-lock.js'
import type {Snapshot} from './records.js'

export function loadSnapshot(file: string): Snapshot | undefined {
  if (!existsSync(file)) return undefined
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Snapshot>
  const arrays = ['users', 'groups', 'phones', 'tokens', 'directories', 'pushes'] as const
  if (data.version !== 1 || typeof data.ikey !== 'string' || typeof data.skey !== 'string' || arrays.some((k) => !Array.isArray(data[k]))) {
    throw new Error(`${file} is not a sandbox state file (version 1)`)
  }

  return data as Snapshot
}

export function saveSnapshot(file: string, snapshot: Snapshot): void {
  // Rewritten on every change: a killed process is what it must survive, which the rename does.
  writeFileAtomicSync(file, JSON.stringify(snapshot), {fsync: false})
}

/** A state file other processes may write too: tells when it changed since this process last read or wrote it. */
export class SharedStateFile {
  private seen?: string

  constructor(readonly file: string) {}

  /** The snapshot on disk when another process has written it since; undefined when unchanged. */
  changed(): Snapshot | undefined {
    const now = identity(this.file)
    if (now === undefined || now === this.seen) return undefined
    const snapshot = loadSnapshot(this.file)
    this.seen = now
    return snapshot
  }

  save(snapshot: Snapshot): void {
    saveSnapshot(this.file, snapshot)
    this.seen = identity(this.file)
  }
}

/** Every atomic write renames a new file into place, so the inode (with size and time) tells writes apart. */
function identity(file: string): string | undefined {
  try {
    const stat = statSync(file, {bigint: true})
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`
  } catch {
    return undefined
  }
}
