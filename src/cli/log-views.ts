// How each log's rows read in a table: the few fields a person scans, times as UTC dates. --json
// keeps Duo's rows untouched.
import type {LogName, LogRow} from '../core/log-kinds.js'
import {timeOf} from './log-command.js'

type Obj = Record<string, unknown> | null | undefined

const place = (location: Obj) => (location ? [location.city, location.state, location.country].filter(Boolean).join(', ') : '')

export function authView(row: LogRow): LogRow {
  const user = row.user as Obj
  const app = row.application as Obj
  const access = row.access_device as Obj
  const device = row.auth_device as Obj
  return {
    app: app?.name,
    device: device?.name,
    factor: row.factor,
    ip: access?.ip,
    location: place(access?.location as Obj),
    reason: row.reason,
    result: row.result,
    time: timeOf('auth', row),
    user: user?.name,
  }
}

export const AUTH_COLUMNS = ['time', 'user', 'app', 'result', 'reason', 'factor', 'device', 'ip', 'location'] as const

/** The description of an admin log entry is often a JSON object in a string: shown compactly. */
function compactDescription(value: unknown): string {
  if (typeof value !== 'string') return ''
  try {
    const parsed = JSON.parse(value) as unknown
    if (parsed && typeof parsed === 'object') return Object.entries(parsed).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' ')
  } catch {
    // Plain text.
  }

  return value
}

export function adminView(row: LogRow): LogRow {
  return {action: row.action, admin: row.username, description: compactDescription(row.description), object: row.object, time: timeOf('admin', row)}
}

export function telephonyView(log: LogName) {
  return (row: LogRow): LogRow => ({context: row.context, credits: row.credits, phone: row.phone, time: timeOf(log, row), type: row.type})
}

export function activityView(row: LogRow): LogRow {
  const action = row.action as Obj | string
  const actor = row.actor as Obj
  const target = row.target as Obj
  const outcome = row.outcome as Obj
  const ip = (row.access_device as Obj)?.ip as Obj | string
  return {
    action: typeof action === 'string' ? action : action?.name,
    actor: actor?.name,
    ip: typeof ip === 'string' ? ip : ip?.address,
    outcome: outcome?.result,
    target: target?.name,
    target_type: target?.type,
    time: timeOf('activity', row),
  }
}

export function offlineView(row: LogRow): LogRow {
  return {action: row.action, description: compactDescription(row.description), integration: row.object, time: timeOf('offline-enrollment', row), user: row.username}
}

export function trustMonitorView(row: LogRow): LogRow {
  const auth = row.surfaced_auth as Obj
  const explanations = row.explanations as Array<{summary?: string}> | undefined
  const forWhom = (row.enabled_for as Obj)?.name ?? (auth?.user as Obj)?.name
  return {
    priority: row.priority_event,
    sekey: row.sekey,
    state: row.state,
    summary: explanations?.[0]?.summary ?? (row.type === 'bypass_status' ? `bypass enabled by ${String((row.enabled_by as Obj)?.name ?? 'an administrator')}` : ''),
    time: timeOf('trust-monitor', row),
    type: row.type,
    user: forWhom,
  }
}
