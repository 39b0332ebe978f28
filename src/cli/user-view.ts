// How one user reads for a person: the fields a helpdesk looks at first, aliases as a list.
// --json keeps Duo's object untouched.
import type {DuoUser, UserTarget} from '../core/duo-objects.js'
import {renderRecord} from './output.js'


const RECORD_KEYS = [
  'username',
  'user_id',
  'realname',
  'email',
  'status',
  'is_enrolled',
  'aliases',
  'groups',
  'phones',
  'tokens',
  'webauthncredentials',
  'notes',
  'created',
  'last_login',
] as const

export function renderUser(user: DuoUser): string {
  const aliases = user.aliases && typeof user.aliases === 'object' ? Object.values(user.aliases as Record<string, string>) : []
  return renderRecord({...user, aliases}, RECORD_KEYS)
}

/** "alice (DU…)", or just the id when that is what was typed. */
export function describeTarget(target: UserTarget): string {
  return target.user === target.user_id ? target.user_id : `${target.user} (${target.user_id})`
}
