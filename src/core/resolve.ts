// Wherever a user or group is named, a person may type a username or group name instead of an id.
// Each name costs one lookup call; an id is used as it is.
import type {DuoCaller} from './calls.js'
import {NotFoundError, UsageError} from './errors.js'
import {invoke, invokeAll} from './invoke.js'

const USER_ID = /^DU[0-9A-Z]{18}$/
const GROUP_ID = /^DG[0-9A-Z]{18}$/
const PHONE_ID = /^DP[0-9A-Z]{18}$/

export function isUserId(value: string): boolean {
  return USER_ID.test(value)
}

/** A user id from an id or a username (or alias: Duo's username filter matches aliases too). */
export async function resolveUserId(client: DuoCaller, userOrId: string): Promise<string> {
  return isUserId(userOrId) ? userOrId : (await findUserByName<{user_id: string}>(client, userOrId)).user_id
}

/** The whole user object for a username or alias: the lookup returns it, so no second call is needed. */
export async function findUserByName<T extends {user_id: string}>(client: DuoCaller, name: string): Promise<T> {
  const found = await invoke<T[]>(client, 'listusers', {username: name})
  if (found.response.length === 0) throw new NotFoundError(`No user named "${name}".`, 'Check the spelling, or list users with `duo users list`.')
  if (found.response.length > 1) throw new UsageError(`"${name}" matches ${found.response.length} users; use the user id (DU…).`)
  return found.response[0]
}

/** Several users at once (trash, restore): ids kept, names resolved one lookup each, all before any change. */
export async function resolveUserIds(client: DuoCaller, usersOrIds: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const user of usersOrIds) ids.push(await resolveUserId(client, user))
  return ids
}

/**
 * A group id from an id or an exact group name. Duo has no name filter for groups, so a name
 * means reading the group list (paged); names are compared case-insensitively, as Duo's UI does.
 */
export async function resolveGroupId(client: DuoCaller, groupOrId: string): Promise<string> {
  if (GROUP_ID.test(groupOrId)) return groupOrId
  const wanted = groupOrId.toLowerCase()
  const matches: string[] = []
  for await (const group of invokeAll<{group_id: string; name: string}>(client, 'listgroups')) {
    if (group.name.toLowerCase() === wanted) matches.push(group.group_id)
  }

  if (matches.length === 0) throw new NotFoundError(`No group named "${groupOrId}".`, 'List groups with `duo groups list`.')
  if (matches.length > 1) throw new UsageError(`"${groupOrId}" matches ${matches.length} groups; use the group id (DG…).`)
  return matches[0]
}

export function isPhoneId(value: string): boolean {
  return PHONE_ID.test(value)
}

/** A phone id from an id or a phone number: Duo's number filter finds 0 or 1 phones. */
export async function resolvePhoneId(client: DuoCaller, phoneOrId: string): Promise<string> {
  if (isPhoneId(phoneOrId)) return phoneOrId
  const found = await invoke<Array<{phone_id: string}>>(client, 'listphones', {number: phoneOrId})
  if (found.response.length === 0) throw new NotFoundError(`No phone with number "${phoneOrId}".`, 'Use the phone id (DP…), or list phones with `duo phones list`.')
  if (found.response.length > 1) throw new UsageError(`"${phoneOrId}" matches ${found.response.length} phones (extensions); use the phone id (DP…).`)
  return found.response[0].phone_id
}
