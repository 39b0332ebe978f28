// Human durations on the command line: 500ms, 2s, 1m, -10m (a clock behind).
import {UsageError} from './errors.js'

const UNITS: Record<string, number> = {h: 3_600_000, m: 60_000, ms: 1, s: 1000}

export function parseDuration(text: string, flag: string): number {
  const match = /^(-?\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim())
  if (!match) throw new UsageError(`${flag} "${text}" is not a duration.`, 'Use a number with ms, s, m or h, e.g. 500ms, 10s, 1m.')
  return Math.round(Number(match[1]) * UNITS[match[2] ?? 'ms'])
}

/** "50" (per second) or "50/1m": N requests per window. */
export function parseRateLimit(text: string, flag = '--rate-limit'): {requests: number; windowMs: number} {
  const [count, window] = text.split('/')
  const requests = Number(count)
  if (!Number.isInteger(requests) || requests < 1) {
    throw new UsageError(`${flag} "${text}": expected N or N/WINDOW, e.g. 50/1m.`)
  }

  return {requests, windowMs: window === undefined ? 1000 : parseDuration(window, `${flag} window`)}
}
