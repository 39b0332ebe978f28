// A checkpointed export: NDJSON appended to an output file, and a checkpoint recording how many bytes
// of it are complete and the log position after them. The output is flushed to disk before the
// checkpoint moves, and the checkpoint is replaced atomically (write-file-atomic, 0600, flushed), so
// the checkpoint never runs ahead of the output, even on a power cut: after a kill -9 at any moment
// the next run cuts the output back to the recorded length and continues from the recorded
// position, nothing missing, nothing twice. Flushing costs a disk round trip, so the checkpoint
// moves at most once a second (and at the end); pages written since are fetched again on resume.
import {closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync} from 'node:fs'
import {createRequire} from 'node:module'

import type {DuoCaller} from '../core/calls.js'
import {UsageError} from '../core/errors.js'
import type {LogKind} from '../core/log-kinds.js'
import {type LogPosition, type Pacer, readLog} from './log-reader.js'

const require = createRequire(import.meta.url)
/** How often the checkpoint moves forward during an export. */
const CHECKPOINT_EVERY_MS = 1000
const writeFileAtomic = require('write-file-atomic') as typeof import('write-file-atomic')

export interface Checkpoint {
  version: 1
  log: string
  /** The filters the export was started with: resuming with others would mix two exports. */
  filters: string
  position: LogPosition
  /** Bytes of the output that hold complete, recorded events. */
  outputBytes: number
  events: number
  /** When the last run stopped (its window's end): the next picks up what arrived late. */
  until?: number
}

export interface ExportOptions {
  checkpointFile: string
  outputFile: string
  since: number
  until: number
  filters: Record<string, unknown>
  limit?: number
  pacer?: Pacer
  signal?: AbortSignal
  /** Client-side filters (application names, admin-log fields). */
  keep?: (row: Record<string, unknown>) => boolean
  onPage?: (progress: {events: number; total?: number; resumed: boolean}) => void
}

export interface ExportResult {
  events: number
  added: number
  resumed: boolean
  until: number
}

export function loadCheckpoint(file: string): Checkpoint | undefined {
  if (!existsSync(file)) return undefined
  let data: Partial<Checkpoint>
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as Partial<Checkpoint>
  } catch {
    throw new UsageError(`${file} is not a duo checkpoint (not JSON).`, 'Give a new --checkpoint file, or remove this one to start over.')
  }

  if (data.version !== 1 || typeof data.log !== 'string' || typeof data.outputBytes !== 'number' || typeof data.position?.mintime !== 'number') {
    throw new UsageError(`${file} is not a duo checkpoint.`, 'Give a new --checkpoint file, or remove this one to start over.')
  }

  return data as Checkpoint
}

export function saveCheckpoint(file: string, checkpoint: Checkpoint): void {
  writeFileAtomic.sync(file, JSON.stringify(checkpoint) + '\n', {fsync: true, mode: 0o600})
}

export async function exportLog(client: DuoCaller, kind: LogKind, options: ExportOptions): Promise<ExportResult> {
  const filters = JSON.stringify(options.filters, Object.keys(options.filters).sort())
  const previous = loadCheckpoint(options.checkpointFile)
  if (previous && (previous.log !== kind.name || previous.filters !== filters)) {
    throw new UsageError(
      `${options.checkpointFile} belongs to an export of the ${previous.log} log with filters ${previous.filters}.`,
      'Resume it with the same log and filters, or give a new --checkpoint file.',
    )
  }

  if (previous && !existsSync(options.outputFile)) {
    throw new UsageError(`The checkpoint says ${previous.events} events were written to ${options.outputFile}, which is missing.`, 'Restore the file, or remove the checkpoint to start over.')
  }

  const fd = openSync(options.outputFile, previous ? 'r+' : 'w', 0o600)
  try {
    let bytes = previous?.outputBytes ?? 0
    if (previous && fstatSync(fd).size < bytes) {
      throw new UsageError(`${options.outputFile} is shorter than its checkpoint records (${bytes} bytes).`, 'Remove the checkpoint to start over.')
    }

    // Whatever a killed run wrote after its last checkpoint is cut off and fetched again.
    ftruncateSync(fd, bytes)
    let events = previous?.events ?? 0
    let position = previous?.position ?? {mintime: options.since, seen: []}
    let saved = Date.now()
    const checkpoint = (until?: number) => {
      fsyncSync(fd)
      saveCheckpoint(options.checkpointFile, {events, filters, log: kind.name, outputBytes: bytes, position, until, version: 1})
      saved = Date.now()
    }

    if (!previous) checkpoint()
    const start = events
    for await (const page of readLog(client, kind, {filters: options.filters, limit: options.limit, pacer: options.pacer, position, since: options.since, signal: options.signal, until: options.until})) {
      const rows = options.keep ? page.rows.filter(options.keep) : page.rows
      if (rows.length > 0) {
        const buffer = Buffer.from(rows.map((row) => JSON.stringify(row)).join('\n') + '\n')
        let written = 0
        while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written, bytes + written)
        bytes += buffer.length
        events += rows.length
      }

      position = page.position
      if (Date.now() - saved >= CHECKPOINT_EVERY_MS) checkpoint()
      options.onPage?.({events: events - start, resumed: previous !== undefined, total: page.total})
    }

    // Interrupted (Ctrl-C): record how far it got; finished: also the window's end.
    checkpoint(options.signal?.aborted ? undefined : options.until)
    return {added: events - start, events, resumed: previous !== undefined, until: options.until}
  } finally {
    closeSync(fd)
  }
}
