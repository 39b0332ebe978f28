// Sorted runs of log events, and the window-and-cursor query Duo's logs answer from them: events are
// ordered by (time in ms, id), a cursor names the last event returned, and the next page starts
// right after it (Duo Admin API docs, "Authentication Logs": next_offset is "<ms>,<txid>").
import type {LogEvent} from './log-events.js'

/** Events in ascending (ms, key) order, addressable by index (a generated history or a stored array). */
export interface EventSource {
  size(): number
  msAt(index: number): number
  keyAt(index: number): string
  get(index: number): LogEvent
  /** The first index whose time is at least `ms`. */
  lowerBound(ms: number): number
}

export const compareEvents = (aMs: number, aKey: string, bMs: number, bKey: string): number =>
  aMs === bMs ? (aKey < bKey ? -1 : aKey > bKey ? 1 : 0) : aMs - bMs

/** Events the sandbox recorded itself (writes, pushes, live traffic), oldest dropped past `bound`. */
export class RecordedEvents implements EventSource {
  constructor(
    readonly events: LogEvent[],
    private readonly bound: number,
  ) {}

  add(event: LogEvent): void {
    // Almost always the newest; insert in order otherwise.
    let at = this.events.length
    while (at > 0 && compareEvents(this.events[at - 1].ms, this.events[at - 1].key, event.ms, event.key) > 0) at--
    this.events.splice(at, 0, event)
    if (this.events.length > this.bound) this.events.splice(0, this.events.length - this.bound)
  }

  size(): number {
    return this.events.length
  }

  msAt(index: number): number {
    return this.events[index].ms
  }

  keyAt(index: number): string {
    return this.events[index].key
  }

  get(index: number): LogEvent {
    return this.events[index]
  }

  lowerBound(ms: number): number {
    return lowerBound(this, ms)
  }
}

/** Binary search over any source. */
export function lowerBound(source: Pick<EventSource, 'msAt' | 'size'>, ms: number): number {
  let lo = 0
  let hi = source.size()
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (source.msAt(mid) < ms) lo = mid + 1
    else hi = mid
  }

  return lo
}

export interface WindowQuery {
  minMs: number
  maxMs: number
  descending: boolean
  /** Start right after this event (the previous page's last). */
  after?: {ms: number; key: string}
  limit: number
  matches?: (event: LogEvent) => boolean
}

export interface WindowPage {
  events: LogEvent[]
  /** Whether events matching the query remain after the page. */
  more: boolean
}

/** One page of the merged sources: up to `limit` matching events, in order, after the cursor. */
export function queryWindow(sources: readonly EventSource[], query: WindowQuery): WindowPage {
  const step = query.descending ? -1 : 1
  const heads = sources.map((source) => startIndex(source, query))
  const events: LogEvent[] = []
  for (;;) {
    let best = -1
    for (let s = 0; s < sources.length; s++) {
      const i = heads[s]
      if (i < 0 || i >= sources[s].size()) continue
      const ms = sources[s].msAt(i)
      if (query.descending ? ms < query.minMs : ms > query.maxMs) {
        heads[s] = -1
        continue
      }

      if (best === -1) best = s
      else {
        // Keys are compared only on equal times (rare): a generated key costs more than a time.
        const bestMs = sources[best].msAt(heads[best])
        const order = ms === bestMs ? compareEvents(ms, sources[s].keyAt(i), bestMs, sources[best].keyAt(heads[best])) : ms - bestMs
        if (order * step < 0) best = s
      }
    }

    if (best === -1) return {events, more: false}
    const event = sources[best].get(heads[best])
    heads[best] += step
    if (query.matches && !query.matches(event)) continue
    if (events.length === query.limit) return {events, more: true}
    events.push(event)
  }
}

/** How many events of the window match (for total_objects). */
export function countWindow(sources: readonly EventSource[], minMs: number, maxMs: number, matches?: (event: LogEvent) => boolean): number {
  let total = 0
  for (const source of sources) {
    const from = source.lowerBound(minMs)
    const to = source.lowerBound(maxMs + 1)
    if (!matches) total += Math.max(0, to - from)
    else for (let i = from; i < to; i++) if (matches(source.get(i))) total++
  }

  return total
}

function startIndex(source: EventSource, query: WindowQuery): number {
  const {after} = query
  if (!query.descending) {
    let i = source.lowerBound(Math.max(query.minMs, after?.ms ?? query.minMs))
    if (after) while (i < source.size() && compareEvents(source.msAt(i), source.keyAt(i), after.ms, after.key) <= 0) i++
    return i
  }

  let i = source.lowerBound(Math.min(query.maxMs, after?.ms ?? query.maxMs) + 1) - 1
  if (after) while (i >= 0 && compareEvents(source.msAt(i), source.keyAt(i), after.ms, after.key) >= 0) i--
  return i
}
