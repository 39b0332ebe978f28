// The journal of a `duo users import`: FILE.duo-import.json, next to the input, recording each
// batch's outcome as it happens, so an import killed halfway can be resumed without creating anyone
// twice. It is rewritten whole (temp file + rename, so a reader or a crash never sees half a
// journal) once before and once after each batch; a finished batch keeps only its row range, so
// the file stays small and a rewrite cheap even for 100,000 rows. An import holds the journal's lock
// for its whole run (ownJournal), so two imports of one file cannot interleave their batches.
import {existsSync, readFileSync, rmSync} from 'node:fs'

import {DuoError, ExitCode, UsageError} from '../core/errors.js'
import {acquireFileLock, writeFileAtomicSync} from '../core/file-lock.js'

/**
 * sent: the call went out and its outcome is unknown (killed or cut off mid-request);
 * done: Duo created the batch; failed: Duo refused it.
 */
export type BatchStatus = 'done' | 'failed' | 'sent'

export interface JournalBatch {
  /** 1-based, as in messages. */
  batch: number
  /** Where the batch's rows are in the file: CSV line numbers, or JSON array indexes. */
  firstRow: number
  lastRow: number
  status: BatchStatus
  /** Kept while the outcome is unknown or refused: what a resume checks against Duo. */
  usernames?: string[]
  error?: string
}

/** What the journal was written for: a resume must be of the same file, batched the same way. */
export interface JournalHeader {
  file: string
  sha256: string
  rows: number
  batchSize: number
}

interface JournalFile extends JournalHeader {
  version: 1
  batches: JournalBatch[]
}

export function journalPath(file: string): string {
  return `${file}.duo-import.json`
}

/**
 * Takes the journal's lock for the run; the returned function gives it back. Losing it meanwhile
 * (this process stalled for seconds) makes the next journal write fail rather than race another run.
 */
export async function ownJournal(path: string): Promise<{check(): void; release(): Promise<void>}> {
  let lost: Error | undefined
  const release = await acquireFileLock(path, {onCompromised: (error) => (lost = error)})
  return {
    check() {
      if (lost) throw new DuoError(`Lost the lock on ${path} (${lost.message}); another import may be running.`, ExitCode.error, 'Run the import again with --resume once no other import of this file runs.')
    },
    release: () => release().catch(() => {}),
  }
}

export class ImportJournal {
  /** In batch order: an import goes through its batches in order, and a journal is written so. */
  private readonly batches = new Map<number, JournalBatch>()

  private constructor(
    readonly path: string,
    readonly header: JournalHeader,
    batches: JournalBatch[],
  ) {
    for (const entry of batches) this.batches.set(entry.batch, entry)
  }

  /** A new journal, written at once so that even a kill during the first batch leaves a trace. */
  static start(path: string, header: JournalHeader): ImportJournal {
    const journal = new ImportJournal(path, header, [])
    journal.save()
    return journal
  }

  /** The journal at `path`, or undefined when there is none. */
  static open(path: string): ImportJournal | undefined {
    if (!existsSync(path)) return undefined
    let parsed: JournalFile
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8')) as JournalFile
    } catch (error) {
      throw new UsageError(`The import journal ${path} cannot be read (${(error as Error).message}).`, 'Run with --restart to start over.')
    }

    if (parsed.version !== 1 || !Array.isArray(parsed.batches)) {
      throw new UsageError(`${path} is not an import journal this version of duo understands.`, 'Run with --restart to start over.')
    }

    const {batches, version: _version, ...header} = parsed
    return new ImportJournal(path, header, batches)
  }

  entry(batch: number): JournalBatch | undefined {
    return this.batches.get(batch)
  }

  /** How many batches are known to be done. */
  doneCount(): number {
    let done = 0
    for (const entry of this.batches.values()) if (entry.status === 'done') done++
    return done
  }

  record(entry: JournalBatch): void {
    const {error: _error, usernames: _usernames, ...range} = entry
    this.batches.set(entry.batch, entry.status === 'done' ? range : entry)
    this.save()
  }

  remove(): void {
    rmSync(this.path, {force: true})
  }

  private save(): void {
    const file: JournalFile = {version: 1, ...this.header, batches: [...this.batches.values()]}
    // No fsync: the journal guards against a killed process, which the rename alone survives.
    writeFileAtomicSync(this.path, JSON.stringify(file), {fsync: false})
  }
}
