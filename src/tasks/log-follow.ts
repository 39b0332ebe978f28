// `--follow`: new events as Duo makes them available. Each poll reads from a little before the last
// poll's end to now minus Duo's delay, so events that arrive late are still picked up, and drops
// what it already printed by id (remembered only as long as a later poll can return it again).
import type {DuoCaller} from '../core/calls.js'
import type {LogKind, LogRow} from '../core/log-kinds.js'
import {type Pacer, readLog, realClock} from './log-reader.js'

export interface FollowOptions {
  since: number
  /** Duo's delay: events younger than this are not asked for yet. */
  lagMs: number
  /** Time between polls (Duo asks for at most one a minute). */
  pollMs: number
  /** How far back each poll re-reads for late arrivals. */
  overlapMs: number
  filters: Record<string, unknown>
  keep?: (row: LogRow) => boolean
  pacer?: Pacer
  signal: AbortSignal
  clock?: typeof realClock
}

/** Batches of new rows, oldest first, until the signal is aborted. */
export async function* followLog(client: DuoCaller, kind: LogKind, options: FollowOptions): AsyncGenerator<LogRow[]> {
  const clock = options.clock ?? realClock
  const printed = new Map<string, number>()
  let from = options.since
  while (!options.signal.aborted) {
    const until = clock.now() - options.lagMs
    if (until > from) {
      for await (const page of readLog(client, kind, {filters: options.filters, pacer: options.pacer, signal: options.signal, since: from, until})) {
        const fresh = page.rows.filter((row) => !printed.has(kind.key(row)) && (options.keep?.(row) ?? true))
        for (const row of fresh) printed.set(kind.key(row), kind.timeMs(row))
        if (fresh.length > 0) yield fresh
      }

      from = Math.max(options.since, until - options.overlapMs)
      for (const [key, ms] of printed) if (ms < from) printed.delete(key)
    }

    await clock.sleep(options.pollMs, options.signal)
  }
}
