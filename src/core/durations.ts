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

const SECONDS: Record<string, number> = {d: 86_400, h: 3600, m: 60, s: 1}

/**
 * A time span in whole seconds, for every flag that takes Duo's `*_secs`: 90s, 15m, 12h, 7d, or a
 * plain number of seconds (what Duo itself takes). Fractions are refused: 1.5h is written 90m.
 */
export function parseSeconds(text: string, flag: string): number {
  const match = /^(\d+)\s*([smhd])?$/i.exec(text.trim())
  if (!match) {
    throw new UsageError(`${flag} "${text}" is not a time span.`, 'Use whole seconds or a number with s, m, h or d, e.g. 90s, 15m, 12h, 7d.')
  }

  return Number(match[1]) * SECONDS[(match[2] ?? 's').toLowerCase()]
}

/** Seconds for people, in the largest unit that divides them: 86400 → "1 day", 5400 → "90 minutes". */
export function formatSeconds(seconds: number): string {
  const units: Array<[number, string]> = [[86_400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']]
  const [size, name] = units.find(([size]) => seconds % size === 0 && seconds >= size) ?? [1, 'second']
  const count = seconds / size
  return `${count} ${name}${count === 1 ? '' : 's'}`
}
