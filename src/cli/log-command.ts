// Base of `duo logs …`: one window (--since/--until), one page or all of them, a checkpointed export,
// or --follow, over tasks/log-reader.ts. Each log command declares its log, its filters and how a row
// reads in a table; everything else (paging style, units, pacing, resuming) is the same for all.
import type {Command} from '@oclif/core'
import {Flags} from '@oclif/core'

import {UsageError} from '../core/errors.js'
import {isLoopbackHost} from '../core/host.js'
import {DUO_LOG_LAG_MS, DUO_LOG_PACE_MS, DUO_LOG_POLL_MS, LOG_KINDS, LOG_RETENTION_MS, type LogName, type LogRow} from '../core/log-kinds.js'
import {parseDuration} from '../core/durations.js'
import {parseSince} from '../core/since.js'
import {exportLog} from '../tasks/log-checkpoint.js'
import {followLog} from '../tasks/log-follow.js'
import {type LogPosition, Pacer, readLog} from '../tasks/log-reader.js'
import {ApiCommand} from './api-command.js'
import {TablePrinter, renderCsv, writeJsonLines} from './output.js'

const DEFAULT_SINCE = '24h'
/** --follow starts this far back unless --since says otherwise. */
const FOLLOW_SINCE = '10m'
/** Each poll re-reads this much before the previous one's end, for events Duo delivers late. */
const FOLLOW_OVERLAP_MS = 5 * 60_000

export const logFlags = {
  all: Flags.boolean({description: 'Every page of the window, oldest first, streamed (NDJSON with --json)', exclusive: ['next', 'follow']}),
  checkpoint: Flags.string({description: 'Export to --output and record progress in this file; run again to resume exactly where it stopped', dependsOn: ['output'], exclusive: ['follow', 'next']}),
  columns: Flags.string({description: 'Comma-separated columns to show (table and CSV)'}),
  csv: Flags.boolean({description: 'Print CSV with a header row instead of a table', exclusive: ['json']}),
  follow: Flags.boolean({char: 'f', description: 'Keep printing new events as Duo makes them available, until Ctrl-C', exclusive: ['until', 'next']}),
  lag: Flags.string({description: 'Do not ask for events younger than this; Duo delays them about 2 minutes (default 2m; 0s against the sandbox)'}),
  limit: Flags.integer({description: 'Page size (Duo\'s default 100; up to 1000, 200 for Trust Monitor)', min: 1}),
  next: Flags.string({description: 'Continue from the cursor a previous page noted on stderr'}),
  output: Flags.string({description: 'With --checkpoint: the NDJSON file the export appends to', dependsOn: ['checkpoint']}),
  pace: Flags.string({description: 'Least time between requests, e.g. 30s (default: 30s for Duo, about its 2 requests a minute; off for a loopback sandbox); 0s for none'}),
  poll: Flags.string({description: 'With --follow: time between polls (default 1m, Duo\'s documented rate)'}),
  since: Flags.string({description: 'Start of the window: a duration back from now (15m, 24h, 7d) or an ISO date (UTC unless it says otherwise). Default 24h'}),
  until: Flags.string({description: 'End of the window, the same way (default now)'}),
}

interface LogFlagValues {
  all?: boolean
  checkpoint?: string
  columns?: string
  csv?: boolean
  follow?: boolean
  lag?: string
  limit?: number
  next?: string
  output?: string
  pace?: string
  poll?: string
  since?: string
  until?: string
}

/** What --next carries: the window, and Duo's cursor in it or the position after the page. */
interface NextToken {
  log: LogName
  since: number
  until: number
  cursor?: string
  position?: LogPosition
}

export abstract class LogCommand<T extends typeof Command> extends ApiCommand<T> {
  protected abstract readonly logName: LogName
  protected abstract readonly defaultColumns: readonly string[]

  /** The operation's filter parameters from this command's flags. */
  protected filters(): Record<string, unknown> {
    return {}
  }

  /** Filters Duo does not offer for this log, applied to the rows (undefined: none). */
  protected keep(): ((row: LogRow) => boolean) | undefined {
    return undefined
  }

  /** A row as a person reads it: the table's and CSV's columns. */
  protected abstract view(row: LogRow): LogRow

  async run(): Promise<LogRow[] | undefined> {
    const flags = this.flags as LogFlagValues
    const kind = LOG_KINDS[this.logName]
    const now = Date.now()
    if (flags.limit !== undefined && flags.limit > kind.maxLimit) throw new UsageError(`--limit ${flags.limit} is over the ${kind.maxLimit} Duo serves per page of this log.`)
    const token = flags.next === undefined ? undefined : decodeNext(flags.next, this.logName)
    const lagMs = flags.lag === undefined ? DUO_LOG_LAG_MS : parseDuration(flags.lag, '--lag')
    const since = token?.since ?? parseSince(flags.since ?? (flags.follow ? FOLLOW_SINCE : DEFAULT_SINCE), '--since', now)
    const exporting = flags.checkpoint !== undefined
    // An export stops short of Duo's delay, so the next run picks up what arrives late.
    const until = token?.until ?? (flags.until === undefined ? (exporting ? now - lagMs : now) : parseSince(flags.until, '--until', now))
    checkWindow(since, until, now, flags.follow === true)
    const filters = this.filters()
    const keep = this.keep()
    const client = await this.client()
    const pacer = this.pacer(flags.pace, client.endpoint.baseUrl)
    const printer = this.printer(flags)

    if (flags.follow) {
      const controller = stopOnSignals()
      const pollMs = flags.poll === undefined ? DUO_LOG_POLL_MS : parseDuration(flags.poll, '--poll')
      this.note(`Following the ${kind.title}; Ctrl-C to stop.`)
      for await (const rows of followLog(client, kind, {filters, keep, lagMs, overlapMs: FOLLOW_OVERLAP_MS, pacer, pollMs, signal: controller.signal, since})) {
        await printer(rows)
      }

      this.note('Stopped following.')
      return undefined
    }

    if (exporting) {
      const progress = terminalProgress(kind.title, pacer)
      const controller = stopOnSignals()
      const result = await exportLog(client, kind, {
        checkpointFile: flags.checkpoint!,
        filters,
        keep,
        limit: flags.limit,
        onPage: progress,
        outputFile: flags.output!,
        pacer,
        signal: controller.signal,
        since,
        until,
      })
      const upTo = new Date(result.until).toISOString()
      this.note(`${result.resumed ? 'Resumed: ' : ''}${result.added.toLocaleString('en-US')} ${kind.title} added to ${flags.output} (${result.events.toLocaleString('en-US')} in all, up to ${upTo}); run again to continue from there.`)
      if (controller.signal.aborted) this.exit(130)
      return undefined
    }

    if (flags.all) {
      const progress = terminalProgress(kind.title, pacer)
      let fetched = 0
      for await (const page of readLog(client, kind, {filters, limit: flags.limit, pacer, since, until})) {
        fetched += page.rows.length
        progress?.({events: fetched, resumed: false, total: page.total})
        await printer(keep ? page.rows.filter(keep) : page.rows, true)
      }

      return undefined
    }

    // One page: newest first where Duo can sort (v2 logs, what a person looking wants), oldest first otherwise.
    const descending = kind.style === 'cursor' && token?.position === undefined
    const pages = readLog(client, kind, {cursor: token?.cursor, descending, filters, limit: flags.limit, maxPages: 1, position: token?.position, since, until})
    const page = (await pages.next()).value ?? {position: {mintime: since, seen: []}, rows: []}
    const rows = keep ? page.rows.filter(keep) : page.rows
    await printer(rows)
    if (page.cursor) {
      const next: NextToken = kind.style === 'mintime' ? {log: this.logName, position: page.position, since, until} : {cursor: page.cursor, log: this.logName, since, until}
      process.stderr.write(`More: add --next ${encodeNext(next)} for the next page, or --all for every page.\n`)
    }

    return this.jsonEnabled() ? rows : undefined
  }

  /** Prints a batch as NDJSON (streaming modes), or a table or CSV; the single-page JSON array is returned instead. */
  private printer(flags: LogFlagValues): (rows: LogRow[], streaming?: boolean) => Promise<void> {
    const columns = flags.columns ? flags.columns.split(',').map((c) => c.trim()).filter(Boolean) : [...this.defaultColumns]
    const table = new TablePrinter(columns)
    let csvHeader = true
    const streamingJson = this.jsonEnabled() && (flags.all || flags.follow)
    return async (rows) => {
      if (this.jsonEnabled()) {
        if (streamingJson) await writeJsonLines(rows)
        return
      }

      const views = rows.map((row) => this.view(row))
      if (flags.csv) {
        if (views.length > 0 || csvHeader) this.log(renderCsv(views, columns, csvHeader))
        csvHeader = false
        return
      }

      const text = table.render(views)
      if (text) this.log(text)
    }
  }

  private pacer(flag: string | undefined, baseUrl: string): Pacer | undefined {
    const ms = flag === undefined ? (isLoopbackHost(new URL(baseUrl).hostname) ? 0 : DUO_LOG_PACE_MS) : parseDuration(flag, '--pace')
    return ms > 0 ? new Pacer(ms) : undefined
  }
}

function checkWindow(since: number, until: number, now: number, follow: boolean): void {
  if (since < now - LOG_RETENTION_MS) {
    throw new UsageError('--since is more than 180 days ago: Duo keeps logs for 180 days.', 'Give a later --since, e.g. 30d or 2026-06-01.')
  }

  if (!follow && since >= until) {
    throw new UsageError(`--since (${new Date(since).toISOString()}) must be before --until (${new Date(until).toISOString()}).`)
  }
}

function encodeNext(token: NextToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url')
}

function decodeNext(text: string, log: LogName): NextToken {
  let token: NextToken | undefined
  try {
    token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as NextToken
  } catch {
    token = undefined
  }

  if (!token || typeof token.since !== 'number' || typeof token.until !== 'number') {
    throw new UsageError(`--next "${text}" is not a cursor duo printed.`, 'Copy the value from the "More: add --next …" line of the previous page.')
  }

  if (token.log !== log) throw new UsageError(`--next is a cursor of the ${token.log} log, not this one.`)
  return token
}

/** Aborted on the first Ctrl-C or SIGTERM, so a follow or an export ends between pages, cleanly. */
function stopOnSignals(): AbortController {
  const controller = new AbortController()
  const stop = () => {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    controller.abort()
  }

  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return controller
}

/** "Fetched 3,000 of 10,000 authentication events, about 4m left" on one refreshed stderr line, on a terminal only. */
function terminalProgress(noun: string, pacer: Pacer | undefined): ((p: {events: number; resumed: boolean; total?: number}) => void) | undefined {
  if (!process.stderr.isTTY) return undefined
  const started = Date.now()
  let pages = 0
  return ({events, total}) => {
    pages++
    const of = total === undefined ? '' : ` of ${total.toLocaleString('en-US')}`
    let eta = ''
    if (total !== undefined && events > 0 && events < total) {
      const perPage = events / pages
      const pagesLeft = Math.ceil((total - events) / perPage)
      const msPerPage = Math.max((Date.now() - started) / pages, pacer?.intervalMs ?? 0)
      eta = `, about ${formatSpan(pagesLeft * msPerPage)} left`
    }

    process.stderr.write(`\rFetched ${events.toLocaleString('en-US')}${of} ${noun}${eta}\u001B[K`)
    if (total !== undefined && events >= total) process.stderr.write('\n')
  }
}

function formatSpan(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
}

/** A log time as people read it in tables: UTC, to the second. */
export function utc(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 19).replace('T', ' ') + 'Z' : ''
}

/** The time column of a row of this log. */
export function timeOf(log: LogName, row: LogRow): string {
  return utc(LOG_KINDS[log].timeMs(row))
}
