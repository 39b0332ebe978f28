// `duo users import`: the checked file goes to bulk_create in catalog-sized batches, each recorded
// in a journal (import-journal.ts) as it is sent and as it completes, so a run that is killed can
// be resumed: finished batches are skipped, and a batch whose outcome is unknown is checked against
// Duo by username so that only the users not there yet are sent again.
import {resolve} from 'node:path'

import type {DuoClient} from '../transport/client.js'
import {DuoApiError, DuoError, UsageError} from '../core/errors.js'
import {ImportJournal, type JournalBatch, journalPath, ownJournal} from './import-journal.js'
import {invoke} from '../core/invoke.js'
import {batchLimit, inBatches} from './user-batches.js'
import {type ImportFile, checkImportFile, checkRows} from './user-import-file.js'
import type {DuoUser} from '../core/duo-objects.js'
import type {WeakeningCounts} from '../core/weakening.js'

/** Up to this many rows, the created users are returned; above, only counts (memory stays flat). */
const KEEP_USERS_UP_TO = 1000

export interface ImportBatch {
  /** 1-based. */
  batch: number
  firstRow: number
  lastRow: number
  users: Array<Record<string, string>>
}

export interface ImportProgress {
  start(rows: number): void
  advance(rows: number): void
  stop(): void
}

export interface ImportOptions {
  file: string
  /** Continue an interrupted import from its journal. */
  resume?: boolean
  /** Drop an interrupted import's journal and start over. */
  restart?: boolean
  progress?: ImportProgress
  /** Notes for the person running it (stderr). */
  note?: (text: string) => void
  /**
   * Called once, after every check and before the first request, only when rows create users with
   * status bypass or disabled (`file.weakening`); it throws to stop the import (nothing is sent).
   */
  confirmWeakening(file: ImportFile): Promise<void>
}

export interface ImportSummary {
  rows: number
  /** Users created by this run. */
  created: number
  /** Rows already in Duo from an interrupted run, not sent again. */
  skipped: number
  /** Rows of a batch Duo refused before whose user Duo already had: not created by this import, not sent again. */
  existing: number
  /** Rows of batches Duo refused (the journal is kept so --resume can retry them). */
  failed: number
  /** How many of the `failed` rows name a user Duo already has (the likely reason for the refusal). */
  failedExisting: number
  /** bulk_create calls made by this run. */
  batches: number
  /** The created users, for files of up to 1,000 rows. */
  users?: DuoUser[]
  firstError?: {batch: number; firstRow: number; lastRow: number; message: string}
  /** Where the journal is, when it was kept. */
  journal?: string
}

export interface PlannedTotals {
  batches: number
  rows: number
  /** Rows with status bypass or disabled, which the real run confirms first. */
  weakening: WeakeningCounts
}

/** --dry-run: checks every row, then gives the batches that would be sent (one in memory at a time). */
export async function plannedBatches(path: string): Promise<{batches: AsyncGenerator<ImportBatch>; totals: PlannedTotals}> {
  const file = await checkImportFile(path)
  return {batches: batchesOf(file), totals: {batches: Math.ceil(file.rows / batchLimit('bulkcreateusers', 'users')), rows: file.rows, weakening: file.weakening}}
}

/** Checks the whole file and the journal, then connects (`connect`) and sends what is left to send. */
export async function importUsers(connect: () => Promise<DuoClient>, options: ImportOptions): Promise<ImportSummary> {
  const file = await checkImportFile(options.file)
  const lock = await ownJournal(journalPath(file.path))
  try {
    const resumed = journalToResume(file, options)
    // Asked before a new journal is written, so a "no" leaves none behind (and --restart's old one).
    if (file.weakening.bypass + file.weakening.disabled > 0) await options.confirmWeakening(file)
    const journal = resumed ?? ImportJournal.start(journalPath(file.path), journalHeader(file))
    return await importChecked(file, journal, await connect(), options, lock.check)
  } finally {
    await lock.release()
  }
}

async function importChecked(file: ImportFile, journal: ImportJournal, client: DuoClient, options: ImportOptions, checkLock: () => void): Promise<ImportSummary> {
  const total = Math.ceil(file.rows / journal.header.batchSize)
  const summary: ImportSummary = {batches: 0, created: 0, existing: 0, failed: 0, failedExisting: 0, rows: file.rows, skipped: 0, users: file.rows <= KEEP_USERS_UP_TO ? [] : undefined}
  options.progress?.start(file.rows)
  try {
    const done = new DoneRuns(options.note)
    for await (const batch of batchesOf(file)) {
      const range = {batch: batch.batch, firstRow: batch.firstRow, lastRow: batch.lastRow}
      const before = journal.entry(batch.batch)
      if (before?.status === 'done') done.add(range)
      else done.flush()
      const users = before?.status === 'done' ? [] : await notYetInDuo(client, batch.users, before)
      const present = batch.users.length - users.length
      // A refused batch created nobody, so its users found in Duo were there before this import.
      if (before?.status === 'failed') summary.existing += present
      else summary.skipped += present
      if (before && before.status !== 'done') options.note?.(describeResumedBatch(range, before.status, present, users.length))
      if (users.length > 0) {
        const usernames = batch.users.map((u) => u.username)
        checkLock()
        journal.record({...range, status: 'sent', usernames})
        summary.batches++
        try {
          const created = await invoke<DuoUser[]>(client, 'bulkcreateusers', {users})
          summary.created += users.length
          summary.users?.push(...created.response)
          journal.record({...range, status: 'done'})
        } catch (error) {
          if (!(error instanceof DuoApiError && error.status === 400)) throw stopped(error, range, total, summary, journal)
          // Duo refused this batch's data; the others may be fine, so go on and report it at the end.
          journal.record({...range, error: error.message, status: 'failed', usernames})
          summary.failed += users.length
          summary.failedExisting += (await presentInDuo(client, users.map((u) => u.username))).size
          summary.firstError ??= {...range, message: error.message}
        }
      } else if (before && before.status !== 'done') {
        journal.record({...range, status: 'done'})
      }

      options.progress?.advance(batch.users.length)
    }
    done.flush()
  } finally {
    options.progress?.stop()
  }

  if (summary.failed === 0) journal.remove()
  else summary.journal = journal.path
  return summary
}

/** The error an import with refused batches ends with, after its summary is printed. */
export function importFailure(summary: ImportSummary): DuoError | undefined {
  if (summary.failed === 0 || !summary.firstError) return undefined
  const {batch, firstRow, lastRow, message} = summary.firstError
  return new DuoError(
    `${summary.failed} of ${summary.rows} users were not created; Duo refused batch ${batch} (rows ${firstRow}-${lastRow}): ${message}`,
    1,
    `Fix the cause in Duo, then run the same command with --resume to retry only the refused users; ${summary.journal} records what was done.`,
  )
}

/** "Created 1,000 users in 10 batches." and what was skipped or refused. */
export function describeImport(summary: ImportSummary): string {
  const n = (count: number) => count.toLocaleString('en-US')
  const parts = [`Created ${n(summary.created)} ${summary.created === 1 ? 'user' : 'users'} in ${n(summary.batches)} ${summary.batches === 1 ? 'batch' : 'batches'}`]
  if (summary.skipped > 0) parts.push(`${n(summary.skipped)} already created by an earlier run of this import, not sent again`)
  if (summary.existing > 0) parts.push(`${n(summary.existing)} already in Duo before this import, not sent`)
  if (summary.failed > 0) {
    const inDuo = summary.failedExisting > 0 ? ` (${n(summary.failedExisting)} of them already exist in Duo)` : ''
    parts.push(`${n(summary.failed)} refused${inDuo}`)
  }
  return parts.join('; ') + '.'
}

async function* batchesOf(file: ImportFile): AsyncGenerator<ImportBatch> {
  const size = batchLimit('bulkcreateusers', 'users')
  let pending: ImportBatch | undefined
  let number = 0
  for await (const row of checkRows(file.path, file.format)) {
    if (row.problems.length > 0) throw new UsageError(`${file.path} changed while it was being imported.`, 'Run the import again.')
    pending ??= {batch: ++number, firstRow: row.at, lastRow: row.at, users: []}
    pending.users.push(row.user)
    pending.lastRow = row.at
    if (pending.users.length === size) {
      yield pending
      pending = undefined
    }
  }

  if (pending) yield pending
}

function journalHeader(file: ImportFile) {
  return {batchSize: batchLimit('bulkcreateusers', 'users'), file: resolve(file.path), rows: file.rows, sha256: file.sha256}
}

/** The journal of the interrupted import to continue, or undefined to start a new one; refuses one that cannot be continued. */
function journalToResume(file: ImportFile, options: ImportOptions): ImportJournal | undefined {
  const path = journalPath(file.path)
  const header = journalHeader(file)
  if (options.restart) return undefined
  const existing = ImportJournal.open(path)
  if (!existing) {
    if (options.resume) options.note?.(`No interrupted import of ${file.path} was found; starting from the beginning.`)
    return undefined
  }

  if (!options.resume) {
    const total = Math.ceil(existing.header.rows / existing.header.batchSize)
    throw new UsageError(
      `An unfinished import of ${file.path} was found (${existing.doneCount()} of ${total} batches done; journal ${path}).`,
      'Run again with --resume to send only what is left, or with --restart to start over.',
    )
  }

  if (existing.header.sha256 !== header.sha256 || existing.header.batchSize !== header.batchSize) {
    throw new UsageError(
      `${file.path} has changed since the interrupted import, so its journal no longer says which rows were sent.`,
      'Run with --restart to start over (users created by the earlier run will be refused as already existing).',
    )
  }

  return existing
}

/**
 * The users of a batch still to send. A batch the journal has as sent (outcome unknown) or refused
 * may be in Duo in part or whole, so Duo is asked by username (in lookups of username_list's
 * limit) and only those it does not have are sent again.
 */
async function notYetInDuo(client: DuoClient, users: Array<Record<string, string>>, before: JournalBatch | undefined): Promise<Array<Record<string, string>>> {
  if (!before) return users
  const present = await presentInDuo(client, users.map((u) => u.username))
  return users.filter((u) => !present.has(u.username.toLowerCase()))
}

/** Which of `usernames` Duo has (lowercased), in lookups of username_list's limit. */
async function presentInDuo(client: DuoClient, usernames: string[]): Promise<Set<string>> {
  const present = new Set<string>()
  for (const batch of inBatches(usernames, batchLimit('listusers', 'username_list'))) {
    const found = await invoke<DuoUser[]>(client, 'listusers', {username_list: batch})
    for (const user of found.response) present.add(user.username.toLowerCase())
  }

  return present
}

/** --resume: what is done with a batch the journal had as cut off or refused, and why. */
function describeResumedBatch(range: Omit<JournalBatch, 'status'>, status: 'failed' | 'sent', present: number, toSend: number): string {
  const where = `Batch ${range.batch} (rows ${range.firstRow}-${range.lastRow})`
  const sending = toSend > 0 ? `sending the other ${toSend}` : 'nothing left to send'
  return status === 'sent'
    ? `${where} was cut off mid-request: ${present} of its users are in Duo (created by the interrupted run) and are skipped; ${sending}.`
    : `${where} was refused by Duo before: ${present} of its users already exist in Duo (not created by this import) and are skipped; ${sending}.`
}

/** --resume: consecutive batches finished by the earlier run, said as one line per run of them. */
class DoneRuns {
  private first?: Omit<JournalBatch, 'status'>
  private last?: Omit<JournalBatch, 'status'>

  constructor(private readonly note?: (text: string) => void) {}

  add(range: Omit<JournalBatch, 'status'>): void {
    this.first ??= range
    this.last = range
  }

  flush(): void {
    if (!this.first || !this.last) return
    const one = this.first.batch === this.last.batch
    const batches = one ? `Batch ${this.first.batch}` : `Batches ${this.first.batch}-${this.last.batch}`
    this.note?.(`${batches} (rows ${this.first.firstRow}-${this.last.lastRow}) ${one ? 'was' : 'were'} created by the earlier run: skipped, nothing sent.`)
    this.first = undefined
    this.last = undefined
  }
}

/** A failure that ends the import early, saying how far it got and how to go on. */
function stopped(error: unknown, range: Omit<JournalBatch, 'status'>, total: number, summary: ImportSummary, journal: ImportJournal): unknown {
  if (!(error instanceof DuoError)) return error
  return new DuoError(
    `${error.message} (batch ${range.batch} of ${total}, rows ${range.firstRow}-${range.lastRow}; ${summary.created} users were created before it)`,
    error.exitCode,
    `Run the same command with --resume to send what is left; ${journal.path} records what was done.`,
  )
}
