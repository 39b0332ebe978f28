// The sandbox's logs: a generated history (deterministic from a seed and the log anchor, the moment
// the sandbox's history ends) plus what the sandbox records itself, bounded: an administrator log
// entry per write, telephony entries per SMS or call, verification pushes and live traffic as
// authentications. Only the recorded part and the anchor are kept in the state file.
import {randomUUID} from 'node:crypto'

import {duoId, seededRandom} from '../ids.js'
import type {GroupRecord, PhoneRecord, UserRecord} from '../records.js'
import {AuthHistory, type HistoryApp, type HistoryUser, hash, placeOf, uuid} from './auth-history.js'
import {type EventSource, RecordedEvents} from './event-source.js'
import {type LogEvent, ODD_PLACE, type Row, adminLogRow, authLogRow, isoTimestamp, telephonyRow} from './log-events.js'

export type LogKind = 'activity' | 'admin' | 'auth' | 'offline' | 'telephony' | 'trustmonitor'
const KINDS: readonly LogKind[] = ['activity', 'admin', 'auth', 'offline', 'telephony', 'trustmonitor']

/** What the state file keeps of the logs. */
export interface LogsSnapshot {
  anchorMs: number
  recorded: Partial<Record<LogKind, LogEvent[]>>
}

export interface LogSettings {
  /** Generated authentication events (default 1500: a month of a small team). */
  authEvents?: number
  /** Duo's delay before authentication, activity and offline events show (default 2 minutes). */
  lagMs?: number
}

/** Events the sandbox records itself, per log: enough for any test, never a growing state file. */
const RECORDED_BOUND = 1000
const DAY = 86_400_000
const SEED = 0x10_65_ed

export interface LogSources {
  users: readonly UserRecord[]
  groups: readonly GroupRecord[]
  phones: ReadonlyMap<string, PhoneRecord>
}

export class LogStore {
  readonly anchorMs: number
  lagMs = 120_000
  private readonly recorded: Record<LogKind, RecordedEvents>
  private generated?: {auth: AuthHistory; other: Record<LogKind, RecordedEvents>; apps: HistoryApp[]; users: HistoryUser[]}
  private authEvents = 1500
  private counter = 0

  constructor(
    snapshot: LogsSnapshot | undefined,
    private readonly sources: LogSources,
    now: number = Date.now(),
  ) {
    this.anchorMs = snapshot?.anchorMs ?? now
    this.recorded = Object.fromEntries(KINDS.map((k) => [k, new RecordedEvents([...(snapshot?.recorded[k] ?? [])], RECORDED_BOUND)])) as Record<
      LogKind,
      RecordedEvents
    >
  }

  configure(settings: LogSettings): void {
    if (settings.authEvents !== undefined) this.authEvents = settings.authEvents
    if (settings.lagMs !== undefined) this.lagMs = settings.lagMs
    this.generated = undefined
  }

  snapshot(): LogsSnapshot {
    return {anchorMs: this.anchorMs, recorded: Object.fromEntries(KINDS.map((k) => [k, this.recorded[k].events]))}
  }

  /** Every source of a log, generated first. */
  sourcesOf(kind: LogKind): EventSource[] {
    const generated = this.history()
    return kind === 'auth' ? [generated.auth, generated.other.auth, this.recorded.auth] : [generated.other[kind], this.recorded[kind]]
  }

  /** Duo holds authentication, activity and offline enrollment events back for a while. */
  visibleUntil(kind: LogKind, now: number): number {
    return kind === 'auth' || kind === 'activity' || kind === 'offline' ? now - this.lagMs : now
  }

  /** An administrator log entry (the Admin API acting: username `API`). */
  recordAdmin(ms: number, action: string, object: null | string, description: null | Row): void {
    this.record('admin', ms, adminLogRow(ms, 'API', action, object, description ? JSON.stringify(description) : null))
  }

  /** A telephony entry for an SMS or a call the sandbox "sent"; the id is returned. */
  recordTelephony(ms: number, entry: {type: 'phone' | 'sms'; phone: string; context: string; txid?: string; credits?: number}): string {
    const telephonyId = randomUUID()
    const row = telephonyRow({context: entry.context, credits: entry.credits ?? (entry.type === 'sms' ? 1 : 2), ms, phone: entry.phone, telephonyId, txid: entry.txid ?? randomUUID(), type: entry.type})
    this.recorded.telephony.add({key: telephonyId, ms, row})
    return telephonyId
  }

  /** An authentication the sandbox saw (a verification push answered, or live traffic). */
  recordAuth(event: LogEvent): void {
    this.recorded.auth.add(event)
  }

  /** A verification push as Duo logs it: an authentication by Duo Push to the Admin API application. */
  recordPush(ms: number, user: UserRecord, phone: PhoneRecord | undefined, answer: 'approve' | 'deny' | 'fraud' | 'waiting'): void {
    const {result, reason} = {
      approve: {reason: 'user_approved', result: 'success' as const},
      deny: {reason: 'user_cancelled', result: 'denied' as const},
      fraud: {reason: 'user_marked_fraud', result: 'fraud' as const},
      // Never answered: Duo times the push out.
      waiting: {reason: 'no_response', result: 'denied' as const},
    }[answer]
    const txid = randomUUID()
    const place = placeOf(user.user_id)
    this.recordAuth({
      key: txid,
      ms,
      row: authLogRow({
        application: {key: 'DIADMINAPIVERIFYPUSH', name: 'Admin API (verification push)'},
        browser: {browser: '', os: '', osVersion: '', version: ''},
        device: {name: phone ? deviceName(phone) : null, place},
        eventType: 'authentication',
        factor: 'duo_push',
        ip: '127.0.0.1',
        ms,
        place,
        reason,
        result,
        txid,
        user: this.historyUser(user),
      }),
    })
  }

  /** One live authentication at `ms`, like the history's (sandbox start --auth-rate). */
  recordLiveAuth(ms: number): void {
    const {auth} = this.history()
    if (auth.size() === 0 && this.history().users.length === 0) return
    this.recordAuth(auth.build(Math.floor(Math.random() * 1e9), ms, randomUUID()))
  }

  private record(kind: LogKind, ms: number, row: Row): void {
    this.recorded[kind].add({key: `${ms}-${String(++this.counter).padStart(6, '0')}-${randomUUID().slice(0, 8)}`, ms, row})
  }

  private historyUser(user: UserRecord): HistoryUser {
    const groups = this.sources.groups.filter((g) => user.group_ids.includes(g.group_id)).map((g) => g.name)
    const phone = user.phone_ids.length > 0 ? this.sources.phones.get(user.phone_ids[0]) : undefined
    return {device: phone ? deviceName(phone) : null, email: user.email, groups, key: user.user_id, name: user.username}
  }

  /** Built on first use (a sandbox that never serves a log pays nothing). */
  private history() {
    if (this.generated) return this.generated
    const random = seededRandom(SEED)
    const apps: HistoryApp[] = [
      'Microsoft 365', 'Okta', 'Cisco ASA VPN', 'Salesforce', 'GitHub Enterprise', 'Windows Logon',
    ].map((name) => ({key: duoId('DI', random), name}))
    // The first thousand users are plenty of variety and keep a 100,000-user sandbox's start cheap.
    const users = this.sources.users.slice(0, 1000).filter((u) => u.status !== 'pending deletion').map((u) => this.historyUser(u))
    const end = this.anchorMs - 60_000
    // A locked-out user's recent story is told by lockedOutStory alone, so no generated success follows it.
    const lockedOut = new Set(this.sources.users.filter((u) => u.status === 'locked out').map((u) => u.user_id))
    const auth = new AuthHistory(this.authEvents, end, SEED, users.filter((u) => !lockedOut.has(u.key)), apps)
    const other = Object.fromEntries(KINDS.map((k) => [k, new RecordedEvents([], Number.POSITIVE_INFINITY)])) as Record<LogKind, RecordedEvents>
    const generated = {apps, auth, other, users}
    seedOtherLogs(generated, this.sources, end)
    this.generated = generated
    return generated
  }
}

export function deviceName(phone: PhoneRecord): string {
  return `${phone.name || phone.model || 'Phone'} (${phone.number})`
}

interface Generated {
  apps: HistoryApp[]
  users: HistoryUser[]
  other: Record<LogKind, RecordedEvents>
}

/** A month of the other logs, a few entries a day, plus the demo's story: a user locked out after failed passcodes. */
function seedOtherLogs(g: Generated, sources: LogSources, end: number): void {
  const random = seededRandom(SEED + 1)
  const start = end - 30 * DAY
  const key = (kind: string, i: number) => `${kind}-${String(i).padStart(6, '0')}`
  if (g.users.length === 0) return
  const someone = () => g.users[Math.floor(random() * g.users.length)]
  for (let day = 0; day < 30; day++) {
    const base = start + day * DAY
    const at = (hour: number) => base + hour * 3_600_000 + Math.floor(random() * 3_000_000)
    // Administrator log: a morning login, then a change or two (Duo's action names).
    const login = at(8)
    g.other.admin.add({key: key('admin', day * 3), ms: login, row: adminLogRow(login, 'Jane Admin', 'admin_login', null, JSON.stringify({device: '555-0100', factor: 'duo_push', ip_address: '198.51.100.10', primary_auth_method: 'Password'}))})
    const target = someone()
    const change = at(10)
    g.other.admin.add({key: key('admin', day * 3 + 1), ms: change, row: adminLogRow(change, 'Jane Admin', day % 3 === 0 ? 'group_update' : 'user_update', day % 3 === 0 ? target.groups[0] ?? 'Engineering' : target.name, JSON.stringify(day % 3 === 0 ? {desc: 'updated'} : {status: 'Active'}))})
    if (day % 5 === 0) {
      const ms = at(14)
      g.other.admin.add({key: key('admin', day * 3 + 2), ms, row: adminLogRow(ms, 'API', 'phone_create', '+15550109999', JSON.stringify({platform: 'Apple iOS', type: 'Mobile'}))})
    }

    // Telephony: SMS passcodes and calls for authentications.
    for (let n = 0; n < 4; n++) {
      const ms = at(9 + n * 2)
      const sms = random() < 0.7
      const id = uuid(random)
      g.other.telephony.add({key: id, ms, row: telephonyRow({context: n === 3 ? 'enrollment' : 'authentication', credits: sms ? 1 : 2, ms, phone: `+1555010${String(1 + Math.floor(random() * 8)).padStart(4, '0')}`, telephonyId: id, txid: uuid(random), type: sms ? 'sms' : 'phone'})})
    }

    // Activity log: an administrator's login and a change, as actor/target/outcome objects.
    for (let n = 0; n < 2; n++) {
      const ms = at(8 + n * 3)
      const id = uuid(random)
      const actor = {details: JSON.stringify({created: '2024-01-02T00:00:00.000000+00:00', status: 'Active'}), key: 'DEJANEADMIN000000001', name: 'Jane Admin', type: 'admin'}
      const user = someone()
      g.other.activity.add({
        key: id,
        ms,
        row: {
          access_device: {browser: 'Chrome', browser_version: '124.0', epkey: null, ip: {address: '198.51.100.10'}, location: {city: 'Ann Arbor', country: 'United States', state: 'Michigan'}, os: 'Mac OS X', os_version: '14.4'},
          action: {details: null, name: n === 0 ? 'admin_login' : 'user_update'},
          activity_id: id,
          actor,
          akey: 'DASANDBOX00000000001',
          application: {key: 'DIADMINPANEL00000001', name: 'Admin Panel', type: 'admin_panel'},
          old_target: null,
          outcome: {result: 'SUCCESS'},
          target: n === 0 ? null : {details: JSON.stringify({status: 'Active'}), key: user.key, name: user.name, type: 'user'},
          ts: isoTimestamp(ms),
        },
      })
    }

    // Offline enrollment (Duo Windows Logon), now and then.
    if (day % 4 === 1) {
      const ms = at(11)
      const user = someone()
      const action = day % 12 === 1 ? 'o2fa_user_deprovisioned' : 'o2fa_user_provisioned'
      g.other.offline.add({key: key('offline', day), ms, row: {action, description: JSON.stringify({factor: 'duo_otp', hostname: `WKS-${hash(user.key) % 900 + 100}`, user_agent: 'DuoCredProv/4.2.0'}), isotimestamp: isoTimestamp(ms).replace(/\.\d+/, ''), object: 'Windows Logon', timestamp: Math.floor(ms / 1000), username: user.name}})
    }

    // Trust Monitor: an anomalous denied authentication every few days, a bypass status once a week.
    if (day % 3 === 2) {
      const ms = at(13)
      const user = someone()
      const sekey = 'SE' + String(hash(`${day}`)).padStart(18, '0').slice(0, 18)
      g.other.trustmonitor.add({
        key: sekey,
        ms,
        row: {
          explanations: [{summary: `${user.name} has not logged in from this country recently.`, type: 'NEW_COUNTRY_CODE'}],
          from_common_netblock: false,
          from_new_user: false,
          low_risk_ip: false,
          priority_event: true,
          priority_reasons: [{label: 'NG', type: 'country'}],
          sekey,
          state: 'new',
          state_updated_timestamp: null,
          surfaced_auth: {application: g.apps[0], factor: 'duo_push', reason: 'location_restricted', result: 'denied', timestamp: Math.floor(ms / 1000), txid: uuid(random), user: {groups: user.groups, key: user.key, name: user.name}, access_device: {ip: '102.89.4.7', location: ODD_PLACE}},
          surfaced_timestamp: ms,
          triage_event_uri: `https://admin-sandbox.duosecurity.com/trust-monitor?sekey=${sekey}`,
          triaged_as_interesting: false,
          type: 'auth',
        },
      })
    } else if (day % 7 === 0) {
      const ms = at(15)
      const user = someone()
      const sekey = 'SB' + String(hash(`b${day}`)).padStart(18, '0').slice(0, 18)
      g.other.trustmonitor.add({key: sekey, ms, row: {bypass_status_enabled: ms - 60_000, enabled_by: {key: 'DEJANEADMIN000000001', name: 'Jane Admin'}, enabled_for: {key: user.key, name: user.name}, priority_event: false, sekey, state: 'new', state_updated_timestamp: null, surfaced_timestamp: ms, triaged_as_interesting: false, type: 'bypass_status'}})
    }
  }

  lockedOutStory(g, sources, end)
}

/** The demo's locked-out user: wrong passcodes, then Duo's lockout, then attempts denied as locked out. */
function lockedOutStory(g: Generated, sources: LogSources, end: number): void {
  for (const record of sources.users.filter((u) => u.status === 'locked out').slice(0, 20)) {
    const user = g.users.find((u) => u.key === record.user_id)
    if (!user) continue
    const place = placeOf(user.key)
    const steps: Array<[number, string, string]> = [
      [150, 'invalid_passcode', 'duo_mobile_passcode'],
      [148, 'invalid_passcode', 'duo_mobile_passcode'],
      [146, 'invalid_passcode', 'duo_mobile_passcode'],
      [145, 'locked_out', 'duo_mobile_passcode'],
      [90, 'locked_out', 'duo_push'],
      [30, 'locked_out', 'duo_push'],
    ]
    for (const [minutesBefore, reason, factor] of steps) {
      const ms = end - minutesBefore * 60_000 + (hash(user.key) % 1000)
      const txid = uuid(seededRandom(hash(`${user.key}:${minutesBefore}`)))
      g.other.auth.add({
        key: txid,
        ms,
        row: authLogRow({
          application: g.apps[0],
          browser: {browser: 'Edge', os: 'Windows', osVersion: '11', version: '124.0.2478.67'},
          device: {name: user.device, place: user.device ? place : null},
          eventType: 'authentication',
          factor,
          ip: `198.51.100.${(hash(user.key) % 250) + 1}`,
          ms,
          place,
          reason,
          result: 'denied',
          txid,
          user,
        }),
      })
    }
  }
}
