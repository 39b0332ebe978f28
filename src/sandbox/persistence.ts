// The state file: the whole Snapshot as JSON. It holds the secret key, so it is written 0600, and
// atomically (temp file + rename) so a crash mid-write never leaves half a file behind.
import {randomBytes} from 'node:crypto'
import {existsSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'

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
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  try {
    writeFileSync(temp, JSON.stringify(snapshot), {mode: 0o600})
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, {force: true})
    throw error
  }
}
