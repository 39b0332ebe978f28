// The shapes of Duo's log rows as the sandbox builds them (Duo Admin API docs, "Logs"; field names and
// sample values follow duo_api_golang's logs_test.go fixtures, which are the docs' examples).

export type Row = Record<string, unknown>

/** A stored log event: Duo's row plus the sort key every log pages on (time in ms, then an id). */
export interface LogEvent {
  ms: number
  key: string
  row: Row
}

export interface Place {
  city: string
  state: string
  country: string
}

export const PLACES: readonly Place[] = [
  {city: 'Ann Arbor', country: 'United States', state: 'Michigan'},
  {city: 'Austin', country: 'United States', state: 'Texas'},
  {city: 'Seattle', country: 'United States', state: 'Washington'},
  {city: 'London', country: 'United Kingdom', state: 'England'},
  {city: 'Toronto', country: 'Canada', state: 'Ontario'},
  {city: 'Berlin', country: 'Germany', state: 'Berlin'},
]

/** Far from everyone's usual places: where the denials by location and the fraud come from. */
export const ODD_PLACE: Place = {city: 'Lagos', country: 'Nigeria', state: 'Lagos'}

/** Duo's isotimestamp: microseconds and an explicit +00:00 offset. */
export function isoTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000+00:00')
}

export interface AuthFields {
  ms: number
  txid: string
  user: {key: string; name: string; groups: string[]; email: string}
  application: {key: string; name: string}
  eventType: 'authentication' | 'enrollment'
  result: 'denied' | 'fraud' | 'success'
  reason: null | string
  factor: null | string
  ip: string
  place: Place
  browser: {browser: string; version: string; os: string; osVersion: string}
  device: {name: null | string; place: null | Place}
}

/** One authlog object (v2), as Duo's docs show it. */
export function authLogRow(f: AuthFields): Row {
  return {
    access_device: {
      browser: f.browser.browser,
      browser_version: f.browser.version,
      flash_version: 'uninstalled',
      hostname: null,
      ip: f.ip,
      is_encryption_enabled: 'unknown',
      is_firewall_enabled: 'unknown',
      is_password_set: 'unknown',
      java_version: 'uninstalled',
      location: f.place,
      os: f.browser.os,
      os_version: f.browser.osVersion,
      security_agents: null,
    },
    alias: '',
    application: f.application,
    auth_device: {ip: f.device.name ? f.ip : null, key: null, location: f.device.place, name: f.device.name},
    email: f.user.email,
    event_type: f.eventType,
    factor: f.factor,
    isotimestamp: isoTimestamp(f.ms),
    ood_software: null,
    reason: f.reason,
    result: f.result,
    timestamp: Math.floor(f.ms / 1000),
    trusted_endpoint_status: 'not trusted',
    txid: f.txid,
    user: {groups: f.user.groups, key: f.user.key, name: f.user.name},
  }
}

/** An administrator log row: who (`API` for Admin API calls), what action, on which object. */
export function adminLogRow(ms: number, username: string, action: string, object: null | string, description: null | string): Row {
  return {action, description, isotimestamp: isoTimestamp(ms).replace(/\.\d+/, ''), object, timestamp: Math.floor(ms / 1000), username}
}

export interface TelephonyFields {
  ms: number
  telephonyId: string
  txid: string
  type: 'phone' | 'sms'
  context: string
  phone: string
  credits: number
}

export function telephonyRow(f: TelephonyFields): Row {
  return {context: f.context, credits: f.credits, phone: f.phone, telephony_id: f.telephonyId, ts: isoTimestamp(f.ms), txid: f.txid, type: f.type}
}

/** The legacy v1 telephony row: seconds, no ids. */
export function telephonyV1Row(v2: Row, ms: number): Row {
  return {context: v2.context, credits: v2.credits, isotimestamp: isoTimestamp(ms).replace(/\.\d+/, ''), phone: v2.phone, timestamp: Math.floor(ms / 1000), type: v2.type}
}
