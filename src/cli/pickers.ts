// A missing USER, GROUP or PHONE argument, on a terminal: a type-to-search picker over what Duo has
// (a user's phones, or the account's for the `duo phones` commands).
// Without a terminal (or with --json) it stays a usage error, raised before any request. Duo has no
// prefix search, so suggestions come from one page filtered as the person types; for users an exact
// username/alias/e-mail lookup also finds those beyond that page.
import type {DuoCaller} from '../core/calls.js'
import {invoke} from '../core/invoke.js'
import {getOperation} from '../core/catalog/index.js'
import {type PromptContext, searchChoice} from './prompts.js'
import {findUserByName, isUserId, looksLikeEmail, resolveUserId} from '../core/resolve.js'
import type {DuoUser} from '../core/duo-objects.js'
import {escapeControl} from './output.js'
import {type PickedKind, pickedKind} from './named-args.js'
import {UsageError} from '../core/errors.js'

const SHOWN = 20

type Choice = {name: string; value: string}
type Source = (term: string | undefined) => Promise<Choice[]>

/**
 * A value for every missing pickable argument, in declaration order (so a phone is picked among the
 * phones of the user picked or named before it). Picked users are given by username, so messages
 * and confirmations read as if it had been typed; groups and phones by id (names may repeat).
 */
export async function pickMissing(
  client: () => Promise<DuoCaller>,
  ctx: PromptContext,
  declared: Record<string, object>,
  args: Record<string, unknown>,
): Promise<void> {
  const missing = Object.entries(declared).filter(([name, arg]) => pickedKind(arg) !== undefined && args[name] === undefined)
  const typed = missing.filter(([, arg]) => pickedKind(arg) === 'typed').map(([name]) => name.toUpperCase())
  if (typed.length > 0) throw new UsageError(`Missing ${typed.join(', ')}.`, `Pass ${typed.join(', ')}.`)
  if (missing.length > 0 && !ctx.interactive) {
    const names = missing.map(([name]) => name.toUpperCase()).join(', ')
    throw new UsageError(`Missing ${names}.`, `Pass ${names}, or run on a terminal to pick ${missing.length > 1 ? 'them' : 'one'}.`)
  }

  for (const [name, arg] of missing) {
    const kind = pickedKind(arg) as PickedKind
    const flag = name.toUpperCase()
    const duo = await client()
    const user = typeof args.user === 'string' ? args.user : undefined
    args[name] = await searchChoice(ctx, {flag, ...(await pickerFor(kind, duo, user))})
  }
}

async function pickerFor(kind: PickedKind, client: DuoCaller, user: string | undefined): Promise<{message: string; source: Source}> {
  if (kind === 'user') return {message: 'User (type to search)', source: userSuggestions(client, (u) => u.username)}
  if (kind === 'group') return {message: 'Group (type to search)', source: groupSuggestions(client)}
  if (kind === 'account-phone') return {message: 'Phone (type a number, name, platform or username)', source: accountPhoneSuggestions(client)}
  if (user === undefined) throw new Error('a phone is picked among a user\'s phones: declare USER first')
  const userId = await resolveUserId(client, user)
  return {message: `Phone of ${escapeControl(user)} (type to search)`, source: phoneSuggestions(client, userId)}
}

/**
 * One of the account's phones, picked at the prompt: for a phone argument that may be left out for
 * another reason (users phones add takes --number instead), so pickMissing cannot tell when to ask.
 */
export async function pickAccountPhone(client: DuoCaller, ctx: PromptContext, flag: string): Promise<string> {
  return searchChoice(ctx, {flag, ...(await pickerFor('account-phone', client, undefined))})
}

/**
 * Duo's user object for USER (a username, alias, e-mail address or id), or for the user picked at
 * the prompt when none is given. A name costs one call, not two: Duo's lookup returns the whole user.
 */
export async function userOrPick(client: DuoCaller, ctx: PromptContext, user: string | undefined): Promise<DuoUser> {
  if (user !== undefined && !isUserId(user)) return findUserByName<DuoUser>(client, user)
  const userId = user ?? (await searchChoice(ctx, {flag: 'USER', message: 'User (type to search)', source: userSuggestions(client, (u) => u.user_id)}))
  return (await invoke<DuoUser>(client, 'getuser', {user_id: userId})).response
}

const contains = (needle: string, ...values: unknown[]) => values.some((v) => typeof v === 'string' && v.toLowerCase().includes(needle))

function userSuggestions(client: DuoCaller, valueOf: (user: DuoUser) => string): Source {
  let firstPage: Promise<DuoUser[]> | undefined
  const exact = new Map<string, Promise<DuoUser[]>>()
  const lookup = (operationInput: Record<string, unknown>) => invoke<DuoUser[]>(client, 'listusers', operationInput).then((e) => e.response)
  return async (term) => {
    firstPage ??= lookup({limit: getOperation('listusers').paging!.maxLimit})
    const needle = (term ?? '').trim().toLowerCase()
    const matches = (await firstPage).filter((u) => contains(needle, u.username, u.realname, u.email))
    if (needle !== '' && !matches.some((u) => u.username.toLowerCase() === needle)) {
      if (!exact.has(needle)) exact.set(needle, lookup(looksLikeEmail(needle) ? {email: needle} : {username: needle}))
      const found = await exact.get(needle)!
      matches.unshift(...found.filter((u) => !matches.some((m) => m.user_id === u.user_id)))
    }

    return matches.slice(0, SHOWN).map((u) => ({name: userLabel(u), value: valueOf(u)}))
  }
}

function userLabel(user: DuoUser): string {
  const details = [user.realname, user.email].filter((v) => typeof v === 'string' && v !== '')
  return escapeControl(details.length > 0 ? `${user.username} (${details.join(', ')})` : user.username)
}

interface Named {
  [field: string]: unknown
}

function groupSuggestions(client: DuoCaller): Source {
  let firstPage: Promise<Named[]> | undefined
  return async (term) => {
    firstPage ??= invoke<Named[]>(client, 'listgroups', {limit: getOperation('listgroups').paging!.maxLimit}).then((e) => e.response)
    const needle = (term ?? '').trim().toLowerCase()
    const matches = (await firstPage).filter((g) => contains(needle, g.name, g.desc))
    return matches.slice(0, SHOWN).map((g) => ({name: escapeControl(`${g.name}${g.desc ? ` (${g.desc})` : ''}`), value: String(g.group_id)}))
  }
}

/**
 * The account's phones: the first page, matched on number, name, platform, model and the usernames
 * of the users who have each; a full number beyond that page is found with Duo's number lookup.
 */
function accountPhoneSuggestions(client: DuoCaller): Source {
  let firstPage: Promise<Named[]> | undefined
  const exact = new Map<string, Promise<Named[]>>()
  const lookup = (input: Record<string, unknown>) => invoke<Named[]>(client, 'listphones', input).then((e) => e.response)
  return async (term) => {
    firstPage ??= lookup({limit: getOperation('listphones').paging!.maxLimit})
    const needle = (term ?? '').trim().toLowerCase()
    const owners = (p: Named) => (Array.isArray(p.users) ? (p.users as Named[]).map((u) => u.username) : [])
    const matches = (await firstPage).filter((p) => contains(needle, p.number, p.name, p.platform, p.model, p.phone_id, ...owners(p)))
    if (/^\+?\d{7,}$/.test(needle) && !matches.some((p) => p.number === needle)) {
      if (!exact.has(needle)) exact.set(needle, lookup({number: needle}))
      matches.unshift(...(await exact.get(needle)!).filter((p) => !matches.some((m) => m.phone_id === p.phone_id)))
    }

    return matches.slice(0, SHOWN).map((p) => {
      const users = owners(p)
      const details = [p.name, p.platform].filter((v) => typeof v === 'string' && v !== '').join(', ')
      const whose = users.length > 0 ? users.join(', ') : 'no users'
      return {name: escapeControl(`${p.number || p.phone_id} (${details ? `${details}; ` : ''}${whose}) ${p.phone_id}`), value: String(p.phone_id)}
    })
  }
}

function phoneSuggestions(client: DuoCaller, userId: string): Source {
  let phones: Promise<Named[]> | undefined
  return async (term) => {
    phones ??= invoke<Named[]>(client, 'listuserphones', {user_id: userId}).then((e) => e.response)
    const needle = (term ?? '').trim().toLowerCase()
    const matches = (await phones).filter((p) => contains(needle, p.number, p.name, p.platform, p.phone_id))
    return matches.slice(0, SHOWN).map((p) => {
      const details = [p.name, p.platform].filter((v) => typeof v === 'string' && v !== '').join(', ')
      return {name: escapeControl(`${p.number || p.phone_id}${details ? ` (${details})` : ''} ${p.phone_id}`), value: String(p.phone_id)}
    })
  }
}
