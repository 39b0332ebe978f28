// `duo users get` with no USER on a terminal: a search prompt over usernames. Duo has no prefix
// search, so suggestions come from one page of users filtered as the person types, plus an exact
// username/alias lookup, which also finds users beyond that page.
import type {DuoCaller} from '../core/calls.js'
import {invoke} from '../core/invoke.js'
import {getOperation} from '../core/catalog/index.js'
import {type PromptContext, searchChoice} from './prompts.js'
import {findUserByName, isUserId} from '../core/resolve.js'
import type {DuoUser} from '../core/duo-objects.js'

const SHOWN = 20

/**
 * Duo's user object for USER (a username, alias or id), or for the user picked at the prompt when
 * none is given. A name costs one call, not two: Duo's lookup by username returns the whole user.
 */
export async function userOrPick(client: DuoCaller, ctx: PromptContext, user: string | undefined): Promise<DuoUser> {
  if (user !== undefined && !isUserId(user)) return findUserByName<DuoUser>(client, user)
  const userId = user ?? (await searchChoice(ctx, {flag: 'USER (a username or user id)', message: 'User (type to search)', source: userSuggestions(client)}))
  return (await invoke<DuoUser>(client, 'getuser', {user_id: userId})).response
}

function userSuggestions(client: DuoCaller): (term: string | undefined) => Promise<Array<{name: string; value: string}>> {
  let firstPage: Promise<DuoUser[]> | undefined
  const exact = new Map<string, Promise<DuoUser[]>>()
  const lookup = (operationInput: Record<string, unknown>) => invoke<DuoUser[]>(client, 'listusers', operationInput).then((e) => e.response)
  return async (term) => {
    firstPage ??= lookup({limit: getOperation('listusers').paging!.maxLimit})
    const needle = (term ?? '').trim().toLowerCase()
    const matches = (await firstPage).filter((u) => [u.username, u.realname, u.email].some((v) => typeof v === 'string' && v.toLowerCase().includes(needle)))
    if (needle !== '' && !matches.some((u) => u.username.toLowerCase() === needle)) {
      if (!exact.has(needle)) exact.set(needle, lookup({username: needle}))
      const found = await exact.get(needle)!
      matches.unshift(...found.filter((u) => !matches.some((m) => m.user_id === u.user_id)))
    }

    return matches.slice(0, SHOWN).map((u) => ({name: label(u), value: u.user_id}))
  }
}

function label(user: DuoUser): string {
  const details = [user.realname, user.email].filter((v) => typeof v === 'string' && v !== '')
  return details.length > 0 ? `${user.username} (${details.join(', ')})` : user.username
}
