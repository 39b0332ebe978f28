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
}

export interface ImportSummary {
  rows: number
  /** Users created by this run. */
  created: number
  /** Rows already in Duo from an interrupted run, not sent again. */
  skipped: number
  /** Rows of batches Duo refused (the journal is kept so --resume can retry them). */
  failed: number
  /** bulk_create calls made by this run. */
  batches: number
  /** The created users, for files of up to 1,000 rows. */
  users?: DuoUser[]
  firstError?: {batch: number; firstRow: number; lastRow: number; message: string}
  /** Where the journal is, when it was kept. */
  journal?: string
}

/** --dry-run: checks every row, then gives the batches that would be sent (one in memory at a time). */
export async function plannedBatches(path: string): Promise<{batches: AsyncGenerator<ImportBatch>; totals: {batches: number; rows: number}}> {
  const file = await checkImportFile(path)
  return {batches: batchesOf(file), totals: {batches: Math.ceil(file.rows / batchLimit('bulkcreateusers', 'users')), rows: file.rows}}
}

/** Checks the whole file and the journal, then connects (`connect`) and sends what is left to send. */
export async function importUsers(connect: () => Promise<DuoClient>, options: ImportOptions): Promise<ImportSummary> {
  const file = await checkImportFile(options.file)
  const lock = await ownJournal(journalPath(file.path))
  try {
    return await importChecked(file, openJournal(file, options), await connect(), options, lock.check)
  } finally {
    await lock.release()
  }
}

async function importChecked(file: ImportFile, journal: ImportJournal, client: DuoClient, options: ImportOptions, checkLock: () => void): Promise<ImportSummary> {
  const total = Math.ceil(file.rows / journal.header.batchSize)
  const summary: ImportSummary = {batches: 0, created: 0, failed: 0, rows: file.rows, skipped: 0, users: file.rows <= KEEP_USERS_UP_TO ? [] : undefined}
  options.progress?.start(file.rows)
  try {
    for await (const batch of batchesOf(file)) {
      const range = {batch: batch.batch, firstRow: batch.firstRow, lastRow: batch.lastRow}
      const before = journal.entry(batch.batch)
      const users = before?.status === 'done' ? [] : await notYetInDuo(client, batch.users, before)
      summary.skipped += batch.users.length - users.length
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
          summary.firstError ??= {...range, message: error.message}
        }
      } else if (before && before.status !== 'done') {
        journal.record({...range, status: 'done'})
      }

      options.progress?.advance(batch.users.length)
    }
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
  if (summary.skipped > 0) parts.push(`${n(summary.skipped)} already there from an earlier run`)
  if (summary.failed > 0) parts.push(`${n(summary.failed)} refused`)
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

function openJournal(file: ImportFile, options: ImportOptions): ImportJournal {
  const path = journalPath(file.path)
  const header = {batchSize: batchLimit('bulkcreateusers', 'users'), file: resolve(file.path), rows: file.rows, sha256: file.sha256}
  if (options.restart) return ImportJournal.start(path, header)
  const existing = ImportJournal.open(path)
  if (!existing) {
    if (options.resume) options.note?.(`No interrupted import of ${file.path} was found; starting from the beginning.`)
    return ImportJournal.start(path, header)
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
  const present = new Set<string>()
  for (const batch of inBatches(users.map((u) => u.username), batchLimit('listusers', 'username_list'))) {
    const found = await invoke<DuoUser[]>(client, 'listusers', {username_list: batch})
    for (const user of found.response) present.add(user.username.toLowerCase())
  }

  return users.filter((u) => !present.has(u.username.toLowerCase()))
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
