// Points in time on the command line for log windows (--since, --until): a duration back from now
// (15m, 24h, 7d, 2w) or an ISO date (2026-11-30, 2026-11-30T08:00Z). A date without a zone is UTC,
// so a window means the same on every machine. Kept apart from durations.ts's parseDuration, which
// it reuses for the s/m/h units.
import {parseDuration} from './durations.js'
import {UsageError} from './errors.js'

const LONG_UNITS: Record<string, number> = {d: 86_400_000, w: 604_800_000}

/** A span such as 30s, 15m, 24h, 7d or 2w, in milliseconds (days and weeks added to parseDuration's units). */
export function parseLongDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(d|w)$/.exec(text.trim())
  if (match) return Math.round(Number(match[1]) * LONG_UNITS[match[2]])
  if (!/^\d+(?:\.\d+)?(ms|s|m|h)$/.test(text.trim())) {
    throw new UsageError(`${flag} "${text}" is neither a duration nor a date.`, 'Use a duration such as 15m, 24h or 7d, or an ISO date such as 2026-11-30 or 2026-11-30T08:00:00Z.')
  }

  return parseDuration(text, flag)
}

/** Milliseconds since the epoch for "7d" (now minus seven days) or an ISO date. */
export function parseSince(text: string, flag: string, now: number): number {
  const trimmed = text.trim()
  if (/^\d{4}-\d\d-\d\d/.test(trimmed)) {
    const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(trimmed) || !trimmed.includes('T') ? trimmed : `${trimmed}Z`
    const ms = Date.parse(zoned)
    if (Number.isNaN(ms)) throw new UsageError(`${flag} "${text}" is not a valid date.`, 'Use an ISO date such as 2026-11-30 or 2026-11-30T08:00:00Z.')
    return ms
  }

  return now - parseLongDuration(trimmed, flag)
}
