// The authentication history a sandbox starts with: N events spread over the 30 days before the
// sandbox's log anchor, each computed from its index and a seed whenever it is asked for, so a
// million events cost no memory, no start-up time and nothing in the state file. Event i happens in
// the i-th slice of the span, so finding the events of a window is arithmetic, not a scan.
import {type Random, seededRandom} from '../ids.js'
import type {EventSource} from './event-source.js'
import {type AuthFields, type LogEvent, ODD_PLACE, PLACES, type Place, authLogRow} from './log-events.js'

export const HISTORY_DAYS = 30
const SPAN_MS = HISTORY_DAYS * 86_400_000

export interface HistoryUser {
  key: string
  name: string
  email: string
  groups: string[]
  /** The user's phone as Duo names an auth device, if they have one. */
  device: null | string
}

export interface HistoryApp {
  key: string
  name: string
}

const BROWSERS = [
  {browser: 'Chrome', os: 'Mac OS X', osVersion: '14.4', version: '124.0.6367.91'},
  {browser: 'Edge', os: 'Windows', osVersion: '11', version: '124.0.2478.67'},
  {browser: 'Safari', os: 'iOS', osVersion: '17.4.1', version: '17.4'},
  {browser: 'Firefox', os: 'Linux', osVersion: '6.8', version: '125.0'},
]

type Outcome = Pick<AuthFields, 'factor' | 'reason' | 'result'> & {weight: number; odd?: boolean}

/** What happens, weighted: mostly approved pushes, some passcodes and remembered devices, a tail of denials and fraud. */
const OUTCOMES: Outcome[] = [
  {factor: 'duo_push', reason: 'user_approved', result: 'success', weight: 620},
  {factor: 'duo_mobile_passcode', reason: 'valid_passcode', result: 'success', weight: 80},
  {factor: 'remembered_device', reason: 'remembered_device', result: 'success', weight: 90},
  {factor: 'phone_call', reason: 'user_approved', result: 'success', weight: 30},
  {factor: 'sms_passcode', reason: 'valid_passcode', result: 'success', weight: 30},
  {factor: 'WebAuthn Security Key', reason: 'user_approved', result: 'success', weight: 30},
  {factor: 'duo_push', reason: 'no_response', result: 'denied', weight: 40},
  {factor: 'duo_push', reason: 'user_cancelled', result: 'denied', weight: 15},
  {factor: 'duo_mobile_passcode', reason: 'invalid_passcode', result: 'denied', weight: 20},
  {factor: 'not_available', reason: 'denied_by_policy', result: 'denied', weight: 10},
  {factor: 'not_available', odd: true, reason: 'location_restricted', result: 'denied', weight: 8},
  {factor: 'duo_push', reason: 'out_of_date', result: 'denied', weight: 5},
  {factor: 'duo_push', odd: true, reason: 'user_marked_fraud', result: 'fraud', weight: 2},
]
const TOTAL_WEIGHT = OUTCOMES.reduce((sum, o) => sum + o.weight, 0)

export class AuthHistory implements EventSource {
  private readonly start: number
  private readonly step: number

  constructor(
    private readonly count: number,
    /** History ends here (ms): the sandbox's log anchor. */
    end: number,
    private readonly seed: number,
    private readonly users: readonly HistoryUser[],
    private readonly apps: readonly HistoryApp[],
  ) {
    this.start = end - SPAN_MS
    // At least 2 ms apart, so times are strictly increasing and unique.
    this.step = count > 0 ? Math.max(2, SPAN_MS / count) : SPAN_MS
  }

  size(): number {
    return this.users.length === 0 ? 0 : this.count
  }

  msAt(index: number): number {
    return this.start + Math.floor(index * this.step) + Math.floor(this.jitter(index) * (this.step - 1))
  }

  keyAt(index: number): string {
    return uuid(seededRandom((this.seed ^ Math.imul(index + 1, 0x9e_37_79_b1)) >>> 0))
  }

  lowerBound(ms: number): number {
    let i = Math.min(this.size(), Math.max(0, Math.floor((ms - this.start) / this.step) - 1))
    while (i > 0 && this.msAt(i - 1) >= ms) i--
    while (i < this.size() && this.msAt(i) < ms) i++
    return i
  }

  get(index: number): LogEvent {
    return this.build(index, this.msAt(index), this.keyAt(index))
  }

  /** An event like history event `index`, happening at `ms` (live traffic). */
  build(index: number, ms: number, txid: string): LogEvent {
    const random = seededRandom((this.seed ^ Math.imul(index + 1, 0x85_eb_ca_6b)) >>> 0)
    const user = this.users[Math.floor(random() * this.users.length)]
    const app = this.apps[Math.floor(random() * this.apps.length)]
    const enrollment = random() < 0.01
    const outcome = enrollment ? undefined : pick(random)
    const home = PLACES[hash(user.key) % PLACES.length]
    const place = outcome?.odd ? ODD_PLACE : home
    const fields: AuthFields = {
      application: app,
      browser: BROWSERS[hash(user.key + app.key) % BROWSERS.length],
      device: {name: user.device, place: user.device ? home : null},
      eventType: enrollment ? 'enrollment' : 'authentication',
      factor: enrollment ? 'duo_push' : outcome!.factor,
      ip: outcome?.odd ? `102.89.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}` : `198.51.100.${(hash(user.key) % 250) + 1}`,
      ms,
      place,
      reason: enrollment ? null : outcome!.reason,
      result: enrollment ? 'success' : outcome!.result,
      txid,
      user,
    }
    return {key: txid, ms, row: authLogRow(fields)}
  }

  private jitter(index: number): number {
    return seededRandom((this.seed ^ Math.imul(index + 1, 0xc2_b2_ae_35)) >>> 0)()
  }
}

function pick(random: Random): Outcome {
  let roll = random() * TOTAL_WEIGHT
  for (const outcome of OUTCOMES) {
    roll -= outcome.weight
    if (roll < 0) return outcome
  }

  return OUTCOMES[0]
}

/** A version-4-shaped UUID from a seeded source. */
export function uuid(random: Random): string {
  // Four 32-bit draws make the 122 random bits; one hex conversion each (this runs per event served).
  const a = (random() * 2 ** 32) >>> 0
  const b = (random() * 2 ** 32) >>> 0
  const c = (random() * 2 ** 32) >>> 0
  const d = (random() * 2 ** 32) >>> 0
  const h = (n: number) => n.toString(16).padStart(8, '0')
  const bh = h(b)
  const ch = h(((c & 0x3f_ff_ff_ff) | 0x80_00_00_00) >>> 0)
  return `${h(a)}-${bh.slice(0, 4)}-4${bh.slice(5, 8)}-${ch.slice(0, 4)}-${ch.slice(4)}${h(d)}`
}

export function hash(text: string): number {
  let h = 2_166_136_261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16_777_619)
  return h >>> 0
}

export function placeOf(userKey: string): Place {
  return PLACES[hash(userKey) % PLACES.length]
}
