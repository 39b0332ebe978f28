// `duo bulk FILE`: a JSON file of user operations for POST /admin/v1/bulk, checked against the
// catalog's `operations` parameter before anything is sent, then run in calls of at most 50 (Duo's
// per-call limit, Duo Admin API docs, "Bulk Operations").
import {readFileSync} from 'node:fs'

import type {DuoClient} from '../transport/client.js'
import {DuoApiError, UsageError} from '../core/errors.js'
import {invoke} from '../core/invoke.js'
import {getOperation} from '../core/catalog/index.js'
import {checkParams, describeProblems} from '../core/params.js'
import {checkBulkEntries} from '../core/bulk-check.js'
import {matchRoute} from '../core/routes.js'
import {type WeakeningCounts, describeWeakeningRows, noWeakening, weakeningStatus} from '../core/weakening.js'

export interface BulkEntry {
  method: string
  path: string
  body?: Record<string, unknown>
}

/** One operation's outcome as Duo reports it: {stat: "OK", response} or {stat: "FAIL", code, message, message_detail}. */
export interface BulkResult {
  stat: 'FAIL' | 'OK'
  response?: unknown
  code?: number
  message?: string
  message_detail?: string
}

const BULK = getOperation('bulkoperations')
const PER_CALL = BULK.params[0].maxItems!

/** The file's operations ({"operations": [...]} or a bare array); a usage error names every problem. */
export function readBulkFile(file: string): BulkEntry[] {
  let parsed: unknown
  try {
    // A byte-order mark, as some editors write, is skipped as users import skips it.
    parsed = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`)
  }

  const entries = Array.isArray(parsed) ? parsed : (parsed as null | {operations?: unknown})?.operations
  // Checked whole, without the per-call limit, so a problem carries its number in the file.
  const whole = {...BULK, params: [{...BULK.params[0], maxItems: undefined}]}
  const {params, problems} = checkParams(whole, {operations: entries})
  // Each entry as the call it stands for, and repeats, across the whole file before the first call.
  if (problems.length === 0) problems.push(...checkBulkEntries(params.operations as BulkEntry[]))
  if (problems.length > 0) {
    throw new UsageError(
      `${file}: ${describeProblems(problems)}.`,
      'Expected {"operations": [{"method": "POST", "path": "/admin/v1/users", "body": {"username": "…"}}, …]} or the bare array.',
    )
  }

  return params.operations as BulkEntry[]
}

export function callCount(entries: readonly BulkEntry[]): number {
  return Math.ceil(entries.length / PER_CALL)
}

/**
 * The one confirmation question (the catalog marks bulk destructive): how many operations, how many
 * delete, and how many set a user to bypass or disabled.
 */
export function bulkQuestion(file: string, entries: readonly BulkEntry[]): string {
  const deletions = entries.filter((e) => e.method.toUpperCase() === 'DELETE').length
  const consequence = deletions === 0 ? 'creating or changing users and memberships' : `including ${deletions} deletion${deletions === 1 ? '' : 's'} of users or group memberships`
  const weakening = describeWeakeningRows(bulkWeakening(entries), 'operation')
  return `Run the ${entries.length} operations in ${file} against Duo, ${consequence}?${weakening ? ` ${weakening}.` : ''}`
}

/** How many entries create or change a user with status bypass or disabled (entries are checked already). */
function bulkWeakening(entries: readonly BulkEntry[]): WeakeningCounts {
  const counts = noWeakening()
  for (const entry of entries) {
    const match = matchRoute(entry.method, entry.path)
    const status = match.kind === 'found' ? weakeningStatus(match.route.operation.name, entry.body ?? {}) : undefined
    if (status) counts[status]++
  }

  return counts
}

/**
 * Runs every entry, 50 per call, reporting each call's results as they come. A call Duo refuses as
 * a whole (e.g. 400, 429 after retries) fails each of its entries and the next call still runs.
 */
export async function runBulk(
  client: DuoClient,
  entries: readonly BulkEntry[],
  onResults: (results: BulkResult[], first: number) => void,
): Promise<BulkResult[]> {
  const all: BulkResult[] = []
  for (let first = 0; first < entries.length; first += PER_CALL) {
    const batch = entries.slice(first, first + PER_CALL)
    const results = await runCall(client, batch)
    onResults(results, first)
    all.push(...results)
  }

  return all
}

async function runCall(client: DuoClient, batch: BulkEntry[]): Promise<BulkResult[]> {
  try {
    return (await invoke<BulkResult[]>(client, BULK, {operations: batch})).response
  } catch (error) {
    if (!(error instanceof DuoApiError)) throw error
    return batch.map(() => ({code: error.code, message: error.duoMessage, message_detail: error.detail, stat: 'FAIL'}))
  }
}

/** One line per operation: its number in the file, OK or FAIL (with Duo's code and message), and what it was. */
export function resultLine(number: number, entry: BulkEntry, result?: BulkResult): string {
  const what = `${entry.method.toUpperCase()} ${entry.path}`
  if (!result) return `${number}  ${what}${entry.body ? `  ${JSON.stringify(entry.body)}` : ''}`
  if (result.stat === 'OK') return `${number}  OK    ${what}`
  const detail = result.message_detail ? `: ${result.message_detail}` : ''
  return `${number}  FAIL  ${what}  ${result.code ?? ''} ${result.message ?? ''}${detail}`
}
