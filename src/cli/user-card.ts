// The guided session's screen about one user: who they are, their status and enrollment, groups,
// devices, outstanding bypass codes and their last authentications, in lines that fit 80 columns.
import type {FactsPhone, UserFacts} from '../tasks/cases/user-facts.js'
import {formatField} from './output.js'

/** One authentication as the card shows it (from a row of Duo's authentication log). */
export interface RecentLogin {
  /** Milliseconds. */
  timeMs: number
  result: string
  /** The reason in plain words. */
  reason?: string
  factor?: string
  application?: string
}

const WIDTH = 80
const LABEL = 10

function line(label: string, value: string): string {
  const text = `${label.padEnd(LABEL)}${value}`
  return text.length > WIDTH ? `${text.slice(0, WIDTH - 1)}…` : text
}

function phoneLine(phone: FactsPhone): string {
  const seen = phone.last_seen ? `seen ${phone.last_seen.slice(0, 16).replace('T', ' ')}Z` : 'never seen'
  return [phone.number || phone.name || phone.phone_id, phone.platform, phone.activated ? 'activated' : 'not activated', seen].filter(Boolean).join('  ')
}

export function renderUserCard(facts: UserFacts, logins: RecentLogin[] = []): string {
  const {user} = facts
  const who = [user.username, user.realname, user.email ? `<${user.email}>` : ''].filter(Boolean).join('  ')
  const lines = [who.length > WIDTH ? `${who.slice(0, WIDTH - 1)}…` : who, line('Id', user.user_id)]
  const lockout = typeof user.lockout_reason === 'string' && user.lockout_reason ? user.lockout_reason : 'too many failed attempts'
  lines.push(line('Status', user.status + (user.status === 'locked out' ? `  (${lockout}: unlock to let them in)` : '')))
  lines.push(line('Enrolled', user.is_enrolled ? 'yes' : 'no: they have no device set up yet'))
  lines.push(line('Groups', user.groups.map((g) => g.name).join(', ') || 'none'))
  const phones = user.phones.map(phoneLine)
  lines.push(line('Phones', phones[0] ?? 'none'), ...phones.slice(1).map((p) => line('', p)))
  if (user.tokens.length > 0) lines.push(line('Tokens', user.tokens.map((t) => `${t.type ?? 'token'} ${t.serial ?? t.token_id}`).join(', ')))
  const keys = user.webauthncredentials ?? []
  if (keys.length > 0) lines.push(line('WebAuthn', keys.map((k) => k.credential_name || k.label || k.webauthnkey).join(', ')))
  lines.push(line('Bypass', bypassSummary(facts)))
  if (logins.length > 0) {
    lines.push('Last authentications')
    for (const login of logins) {
      const detail = [formatField('created', Math.floor(login.timeMs / 1000)), login.result, login.reason, login.factor, login.application].filter(Boolean).join('  ')
      lines.push(line('', detail))
    }
  }

  return lines.join('\n')
}

function bypassSummary(facts: UserFacts): string {
  const codes = facts.bypassCodes
  if (codes.length === 0) return 'no codes'
  const expiring = codes.map((c) => c.expiration).filter((e): e is number => typeof e === 'number')
  const next = expiring.length > 0 ? `, the first expires ${formatField('expiration', Math.min(...expiring))}` : ''
  return `${codes.length} code${codes.length === 1 ? '' : 's'} outstanding${next}`
}
