// The log endpoints (Duo Admin API docs, "Logs", "Trust Monitor"), answered from the log store with
// Duo's paging for each: the v2 cursor (an array for authentication, a string for telephony and
// activity), Trust Monitor's `offset`, and the v1 logs' 1000 oldest rows at or after mintime.
// Window rules: mintime < maxtime, neither older than 180 days; events Duo still holds back (the
// ~2 minute delay) are not shown; a limit above the maximum is clamped.
import {LOG_MAX_LIMIT, TRUST_MONITOR_MAX_LIMIT} from '../../core/catalog/logs.js'
import {invalidParams} from '../envelope.js'
import type {Result} from '../envelope.js'
import type {LogEvent, Row} from '../logs/log-events.js'
import {telephonyV1Row} from '../logs/log-events.js'
import {countWindow, queryWindow} from '../logs/event-source.js'
import type {LogKind} from '../logs/log-store.js'
import {type Handler, type HandlerContext, type Handlers, param} from './context.js'

const RETENTION_MS = 180 * 86_400_000
/** Duo's v1 logs return at most this many rows per call (duo_api_golang's maxLogV1PageSize). */
const V1_PAGE = 1000

interface Window {
  minMs: number
  maxMs: number
}

/** mintime/maxtime (ms) checked as Duo does; 40002 for a reversed or too old window. */
function checkedWindow(ctx: HandlerContext): Window {
  const minMs = Number(param(ctx, 'mintime'))
  const maxMs = Number(param(ctx, 'maxtime'))
  if (!(minMs < maxMs)) throw invalidParams(`maxtime (${maxMs}) must be greater than mintime (${minMs})`)
  if (String(minMs).length < 13) throw invalidParams('mintime must be Unix time in milliseconds (13 digits)')
  if (minMs < ctx.now() - RETENTION_MS) throw invalidParams('mintime is more than 180 days ago: logs are kept for 180 days')
  return {maxMs, minMs}
}

function limitOf(ctx: HandlerContext, max: number): number {
  const limit = param(ctx, 'limit')
  return limit === undefined ? 100 : Math.min(Number(limit), max)
}

/** "<ms>,<id>" as the v2 logs' next_offset (and Trust Monitor's offset) carry it. */
function parseCursor(text: string | undefined, name: string): undefined | {ms: number; key: string} {
  if (text === undefined) return undefined
  const comma = text.indexOf(',')
  const ms = Number(text.slice(0, comma))
  if (comma < 1 || !Number.isInteger(ms) || comma === text.length - 1) throw invalidParams(`${name} must be "<milliseconds>,<id>" from the previous page's metadata.next_offset`)
  return {key: text.slice(comma + 1), ms}
}

function values(ctx: HandlerContext, name: string): Set<string> | undefined {
  const value = ctx.params[name]
  if (value === undefined) return undefined
  return new Set([value].flat().map((v) => String(v).toLowerCase()))
}

interface CursorPage {
  events: LogEvent[]
  more: boolean
  total: number
}

function cursorPage(ctx: HandlerContext, kind: LogKind, cursorName: string, maxLimit: number, matches?: (event: LogEvent) => boolean, defaultSort = 'ts:desc'): CursorPage {
  const window = checkedWindow(ctx)
  const {logs} = ctx.state
  const sources = logs.sourcesOf(kind)
  const maxMs = Math.min(window.maxMs, logs.visibleUntil(kind, ctx.now()))
  const descending = (param(ctx, 'sort') ?? defaultSort) === 'ts:desc'
  const page = queryWindow(sources, {
    after: parseCursor(param(ctx, cursorName), cursorName),
    descending,
    limit: limitOf(ctx, maxLimit),
    matches,
    maxMs,
    minMs: window.minMs,
  })
  return {...page, total: countWindow(sources, window.minMs, maxMs, matches)}
}

const cursorOf = (events: LogEvent[]): [string, string] => {
  const last = events.at(-1)!
  return [String(last.ms), last.key]
}

const listauthlogs: Handler = (ctx) => {
  const users = values(ctx, 'users')
  const groups = values(ctx, 'groups')
  const apps = values(ctx, 'applications')
  const phones = values(ctx, 'phone_numbers')
  const eventTypes = values(ctx, 'event_types')
  const results = values(ctx, 'results')
  const reasons = values(ctx, 'reasons')
  const factors = values(ctx, 'factors')
  const groupNames = groups && new Set(ctx.state.groups.filter((g) => groups.has(g.group_id.toLowerCase())).map((g) => g.name))
  const has = (set: Set<string> | undefined, value: unknown) => !set || (typeof value === 'string' && set.has(value.toLowerCase()))
  const filtered = users || groups || apps || phones || eventTypes || results || reasons || factors
  const matches = filtered
    ? ({row}: LogEvent) => {
        const user = row.user as {key: string; groups: string[]}
        const device = row.auth_device as {name: null | string}
        return (
          has(users, user.key) &&
          (!groupNames || user.groups.some((g) => groupNames.has(g))) &&
          has(apps, (row.application as {key: string}).key) &&
          (!phones || (device.name !== null && [...phones].some((p) => device.name!.toLowerCase().includes(p)))) &&
          has(eventTypes, row.event_type) &&
          has(results, row.result) &&
          has(reasons, row.reason) &&
          has(factors, row.factor)
        )
      }
    : undefined
  const page = cursorPage(ctx, 'auth', 'next_offset', LOG_MAX_LIMIT, matches)
  return {
    response: {
      authlogs: page.events.map((e) => e.row),
      // An array of two strings here, unlike the other v2 logs (duo_api_golang's GetNextOffset).
      metadata: {next_offset: page.more ? cursorOf(page.events) : null, total_objects: page.total},
    },
  }
}

function itemsLog(kind: LogKind): Handler {
  return (ctx) => {
    const page = cursorPage(ctx, kind, 'next_offset', LOG_MAX_LIMIT)
    return {
      response: {
        items: page.events.map((e) => e.row),
        metadata: {next_offset: page.more ? cursorOf(page.events).join(',') : null, total_objects: {relation: 'eq', value: page.total}},
      },
    }
  }
}

const listtrustmonitorevents: Handler = (ctx) => {
  const type = param(ctx, 'type')
  // The filter says bypass_status_enabled; the events say bypass_status (Duo Admin API docs, "Trust Monitor").
  const wanted = type === 'bypass_status_enabled' ? 'bypass_status' : type
  // Oldest first: duo_log_sync reads it that way, polling on from the last surfaced_timestamp.
  const page = cursorPage(ctx, 'trustmonitor', 'offset', TRUST_MONITOR_MAX_LIMIT, wanted ? (e) => e.row.type === wanted : undefined, 'ts:asc')
  return {response: {events: page.events.map((e) => e.row), metadata: {next_offset: page.more ? cursorOf(page.events).join(',') : null}}}
}

/** The v1 logs: the 1000 oldest rows at or after mintime (seconds), within the last 180 days. */
function v1Log(kind: LogKind, view: (event: LogEvent) => Row = (e) => e.row): Handler {
  return (ctx): Result => {
    const now = ctx.now()
    const mintime = param(ctx, 'mintime')
    const minMs = Math.max(mintime === undefined ? 0 : Number(mintime) * 1000, now - RETENTION_MS)
    const {logs} = ctx.state
    const page = queryWindow(logs.sourcesOf(kind), {descending: false, limit: V1_PAGE, maxMs: logs.visibleUntil(kind, now), minMs})
    return {response: page.events.map(view)}
  }
}

export const logHandlers = {
  listactivitylogs: itemsLog('activity'),
  listadminlogs: v1Log('admin'),
  listauthlogs,
  listofflineenrollmentlogs: v1Log('offline'),
  listtelephonylogs: itemsLog('telephony'),
  listtelephonylogsv1: v1Log('telephony', (e) => telephonyV1Row(e.row, e.ms)),
  listtrustmonitorevents,
} satisfies Handlers
