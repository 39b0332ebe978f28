// What duo knows about each of Duo's logs: its operation, how it pages (Duo Admin API docs, "Logs";
// duo_client_python's json_cursor_api_call; duo_api_golang's logs.go), where its rows sit in the
// answer, and each row's time and identity, which resuming and de-duplicating rely on.
import {createHash} from 'node:crypto'

import type {OperationName} from './catalog/index.js'
import {LOG_MAX_LIMIT, TRUST_MONITOR_MAX_LIMIT} from './catalog/logs.js'

export type LogRow = Record<string, unknown>

/**
 * - cursor: v2 logs, metadata.next_offset sent back as next_offset;
 * - offset: Trust Monitor, metadata.next_offset sent back as offset;
 * - mintime: v1 logs, the 1000 oldest rows at or after mintime (seconds), paged by moving it forward.
 */
export type PagingStyle = 'cursor' | 'mintime' | 'offset'

export interface LogPageAnswer {
  rows: LogRow[]
  next: null | string
  total?: number
}

export interface LogKind {
  name: LogName
  title: string
  operation: OperationName
  style: PagingStyle
  /** Largest page Duo serves (v1 logs: a fixed 1000). */
  maxLimit: number
  read(response: unknown): LogPageAnswer
  /** The row's time in milliseconds (the unit Duo's cursors and v2 windows use). */
  timeMs(row: LogRow): number
  /** What identifies the row: its id, or for id-less v1 rows a digest of the row. */
  key(row: LogRow): string
}

export type LogName = 'activity' | 'admin' | 'auth' | 'offline-enrollment' | 'telephony' | 'telephony-v1' | 'trust-monitor'

/** Duo's v1 logs hold 1000 rows per call (duo_api_golang's maxLogV1PageSize). */
export const V1_PAGE_SIZE = 1000

const digest = (row: LogRow) => createHash('sha1').update(JSON.stringify(row)).digest('base64url')
const isoMs = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : Number.NaN)

/** The cursor of a v2 answer: an array of two strings for authentication, a string elsewhere. */
function cursorOf(value: unknown): null | string {
  if (value === null || value === undefined) return null
  return Array.isArray(value) ? value.join(',') : String(value)
}

function totalOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  const object = value as undefined | {value?: unknown}
  return typeof object?.value === 'number' ? object.value : undefined
}

function v2(container: 'authlogs' | 'events' | 'items') {
  return (response: unknown): LogPageAnswer => {
    const body = response as Record<string, unknown> & {metadata?: {next_offset?: unknown; total_objects?: unknown}}
    return {next: cursorOf(body.metadata?.next_offset), rows: (body[container] as LogRow[] | undefined) ?? [], total: totalOf(body.metadata?.total_objects)}
  }
}

const v1 = (response: unknown): LogPageAnswer => ({next: null, rows: (response as LogRow[]) ?? []})
/** v1 rows carry whole seconds; isotimestamp is no finer. */
const secondsMs = (row: LogRow) => Number(row.timestamp) * 1000

export const LOG_KINDS: Readonly<Record<LogName, LogKind>> = {
  activity: {key: (r) => String(r.activity_id), maxLimit: LOG_MAX_LIMIT, name: 'activity', operation: 'listactivitylogs', read: v2('items'), style: 'cursor', timeMs: (r) => isoMs(r.ts), title: 'activity log events'},
  admin: {key: digest, maxLimit: V1_PAGE_SIZE, name: 'admin', operation: 'listadminlogs', read: v1, style: 'mintime', timeMs: secondsMs, title: 'administrator log entries'},
  auth: {
    key: (r) => String(r.txid),
    maxLimit: LOG_MAX_LIMIT,
    name: 'auth',
    operation: 'listauthlogs',
    read: v2('authlogs'),
    style: 'cursor',
    // isotimestamp has the sub-second part the cursor's milliseconds come from; timestamp is whole seconds.
    timeMs: (r) => (typeof r.isotimestamp === 'string' ? isoMs(r.isotimestamp) : Number(r.timestamp) * 1000),
    title: 'authentication events',
  },
  'offline-enrollment': {key: digest, maxLimit: V1_PAGE_SIZE, name: 'offline-enrollment', operation: 'listofflineenrollmentlogs', read: v1, style: 'mintime', timeMs: secondsMs, title: 'offline enrollment entries'},
  telephony: {key: (r) => String(r.telephony_id), maxLimit: LOG_MAX_LIMIT, name: 'telephony', operation: 'listtelephonylogs', read: v2('items'), style: 'cursor', timeMs: (r) => isoMs(r.ts), title: 'telephony events'},
  'telephony-v1': {key: digest, maxLimit: V1_PAGE_SIZE, name: 'telephony-v1', operation: 'listtelephonylogsv1', read: v1, style: 'mintime', timeMs: secondsMs, title: 'telephony events'},
  'trust-monitor': {
    key: (r) => String(r.sekey),
    maxLimit: TRUST_MONITOR_MAX_LIMIT,
    name: 'trust-monitor',
    operation: 'listtrustmonitorevents',
    read: v2('events'),
    style: 'offset',
    timeMs: (r) => Number(r.surfaced_timestamp),
    title: 'Trust Monitor events',
  },
}

/** Duo keeps logs for 180 days (Duo Admin API docs, "Authentication Logs": mintime). */
export const LOG_RETENTION_MS = 180 * 86_400_000
/** Duo holds new authentication events back about two minutes (Duo Admin API docs, "Authentication Logs"). */
export const DUO_LOG_LAG_MS = 120_000
/** Duo asks log readers to poll at most once a minute. */
export const DUO_LOG_POLL_MS = 60_000
/** About two requests a minute per log endpoint (a Duo staff answer, duo_client_python issue 101): one every 30 s. */
export const DUO_LOG_PACE_MS = 30_000
