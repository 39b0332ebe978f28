// "Why was I denied?": one user's recent authentications, newest first, each reason in plain words,
// with the user's status (a locked-out user is the usual answer).
import type {DuoCaller} from '../core/calls.js'
import type {DuoUser} from '../core/duo-objects.js'
import {explainReason} from '../core/auth-reasons.js'
import {invoke} from '../core/invoke.js'
import {LOG_KINDS, type LogRow} from '../core/log-kinds.js'
import {findUserByName, isUserId} from '../core/resolve.js'
import {readLog} from './log-reader.js'

export interface UserLogins {
  user: DuoUser
  /** Duo's authlog rows, newest first, each with `reason_text` added. */
  logins: LogRow[]
  /** The window searched, in milliseconds. */
  since: number
  until: number
}

export async function userLogins(client: DuoCaller, userOrId: string, options: {since: number; until: number; limit: number}): Promise<UserLogins> {
  // The whole user, for its status: an id needs one call, a name's lookup returns it.
  const user = isUserId(userOrId) ? (await invoke<DuoUser>(client, 'getuser', {user_id: userOrId})).response : await findUserByName<DuoUser>(client, userOrId)
  const pages = readLog(client, LOG_KINDS.auth, {descending: true, filters: {users: [user.user_id]}, limit: options.limit, maxPages: 1, since: options.since, until: options.until})
  const page = (await pages.next()).value
  const logins = (page?.rows ?? []).map((row: LogRow) => ({...row, reason_text: explainReason(row.reason, row.event_type)}))
  return {logins, since: options.since, until: options.until, user}
}
