// The one way duo reads a Duo log, whatever its paging style (core/log-kinds.ts): pages of rows in
// time order with, after each page, a position from which a later run continues without a gap or a
// duplicate. `--all`, checkpointed exports, `--follow` and the MCP tools share it.
//
// A position is "the newest time delivered, and the ids already delivered at that time". A resumed
// read asks Duo from that time on and drops what it has seen, which is right for every style: the
// v2 logs' millisecond windows, and the v1 logs' whole-second mintime, whose boundary second comes
// back again and is de-duplicated here (duo_api_golang's logs.go accepts those duplicates instead).
import type {DuoCaller} from '../core/calls.js'
import {resolveNames} from '../core/call.js'
import {getOperation} from '../core/catalog/index.js'
import {prepareCall, requestOptions} from '../core/invoke.js'
import {type LogKind, type LogRow, V1_PAGE_SIZE} from '../core/log-kinds.js'

export interface LogPosition {
  /** Milliseconds: nothing older is wanted. */
  mintime: number
  /** Keys of the rows already delivered at exactly `mintime`. */
  seen: string[]
}

export interface LogPage {
  rows: LogRow[]
  /** Where the next read continues (after this page). */
  position: LogPosition
  /** Duo's cursor for the next page of the same window (cursor and offset styles), if there is one. */
  cursor?: string
  /** Every matching event in the window, when Duo says (v2 authentication, telephony, activity). */
  total?: number
}

/** Waits between requests so a long read stays under Duo's rate limit instead of running into 429s. */
export class Pacer {
  private last = Number.NEGATIVE_INFINITY

  constructor(
    readonly intervalMs: number,
    private readonly clock: {now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void>} = realClock,
  ) {}

  async wait(signal?: AbortSignal): Promise<void> {
    const due = this.last + this.intervalMs - this.clock.now()
    if (due > 0) await this.clock.sleep(due, signal)
    this.last = this.clock.now()
  }
}

export const realClock = {
  now: () => Date.now(),
  sleep: (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve()
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }

      signal?.addEventListener('abort', done, {once: true})
    }),
}

export interface ReadOptions {
  /** Window, in milliseconds. */
  since: number
  until: number
  /** The operation's filter parameters (usernames and group names are resolved first). */
  filters?: Record<string, unknown>
  /** Page size for the styles that take one. */
  limit?: number
  /** Continue from here (a checkpoint, the previous poll). */
  position?: LogPosition
  /** Continue Duo's own cursor in the same window (--next). */
  cursor?: string
  /** Newest first: only for a single page a person reads (cursor styles); no position is kept. */
  descending?: boolean
  /** Stop after this many pages (1 for a single page). */
  maxPages?: number
  pacer?: Pacer
  signal?: AbortSignal
}

/** Pages of a log in time order (or newest first, with `descending`), each with the position after it. */
export async function* readLog(client: DuoCaller, kind: LogKind, options: ReadOptions): AsyncGenerator<LogPage> {
  const operation = getOperation(kind.operation)
  const filters = await resolveNames(client, operation, options.filters ?? {})
  let position: LogPosition = options.position ?? {mintime: options.since, seen: []}
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY
  const fetch = async (input: Record<string, unknown>) => {
    await options.pacer?.wait(options.signal)
    const call = prepareCall(operation, {...filters, ...input})
    const envelope = await client.request(call.operation.method, call.path, call.params, requestOptions(call.operation))
    return kind.read(envelope.response)
  }

  if (kind.style === 'mintime') {
    for (let pages = 0; pages < maxPages && !options.signal?.aborted; pages++) {
      const second = Math.floor(position.mintime / 1000)
      const answer = await fetch({mintime: second})
      const inWindow = answer.rows.filter((row) => kind.timeMs(row) <= options.until)
      const limited = options.limit === undefined ? inWindow : inWindow.slice(0, Math.max(0, options.limit) + countSeen(kind, position, inWindow))
      const step = advance(kind, position, limited)
      let next = step.position
      const full = answer.rows.length >= V1_PAGE_SIZE && inWindow.length === answer.rows.length
      if (full && Math.floor(next.mintime / 1000) === second && step.rows.length === 0) {
        // A whole page within one second: Duo cannot page inside it, so step past it (as
        // duo_api_golang does), the only case where rows may be missed.
        next = {mintime: (second + 1) * 1000, seen: []}
      }

      position = next
      const truncated = limited.length < inWindow.length
      yield {cursor: full || truncated ? 'more' : undefined, position, rows: step.rows}
      if (!(full || truncated)) return
    }

    return
  }

  // Duo's cursor belongs to the window it came from, so every page of this read asks the same one.
  const mintime = options.descending || options.cursor ? options.since : position.mintime
  if (mintime >= options.until) {
    yield {position, rows: []}
    return
  }

  const pageFrom = (cursor: string | undefined) => {
    const input: Record<string, unknown> = {limit: Math.min(options.limit ?? kind.maxLimit, kind.maxLimit), maxtime: options.until, mintime}
    if (kind.style === 'cursor') input.sort = options.descending ? 'ts:desc' : 'ts:asc'
    if (cursor) input[kind.style === 'cursor' ? 'next_offset' : 'offset'] = cursor
    return fetch(input)
  }

  // The next page is requested before this one is handed over, so writing overlaps the network.
  let pending: Promise<Awaited<ReturnType<typeof fetch>>> | undefined = pageFrom(options.cursor)
  for (let pages = 1; pending; pages++) {
    const answer = await pending
    pending = undefined
    const step = options.descending ? {position, rows: answer.rows} : advance(kind, position, answer.rows)
    position = step.position
    const cursor = answer.next ?? undefined
    if (cursor && pages < maxPages && !options.signal?.aborted) {
      pending = pageFrom(cursor)
      // If the consumer stops early, the prefetched page's failure must not go unhandled.
      pending.catch(() => {})
    }

    yield {cursor, position, rows: step.rows, total: answer.total}
  }
}

/** The rows not delivered yet, and the position after them (rows arrive oldest first). */
export function advance(kind: LogKind, from: LogPosition, rows: readonly LogRow[]): {rows: LogRow[]; position: LogPosition} {
  let {mintime} = from
  let seen = new Set(from.seen)
  const fresh: LogRow[] = []
  for (const row of rows) {
    const ms = kind.timeMs(row)
    const key = kind.key(row)
    if (ms < mintime || (ms === mintime && seen.has(key))) continue
    fresh.push(row)
    if (ms > mintime) {
      mintime = ms
      seen = new Set([key])
    } else seen.add(key)
  }

  return {position: {mintime, seen: [...seen]}, rows: fresh}
}

/** How many of these rows a position has already delivered (so a limit counts only new ones). */
function countSeen(kind: LogKind, position: LogPosition, rows: readonly LogRow[]): number {
  return rows.length - advance(kind, position, rows).rows.length
}
