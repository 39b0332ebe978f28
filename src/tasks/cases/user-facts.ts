// What a case plans from: the user as Duo has them now (status, groups, devices) and their bypass
// codes' metadata. Read once per plan; re-read after every action of the guided session.
import type {DuoCaller} from '../../core/calls.js'
import {call} from '../../core/call.js'
import type {DuoUser} from '../../core/duo-objects.js'

export interface FactsPhone {
  phone_id: string
  number?: string
  name?: string
  platform?: string
  type?: string
  activated?: boolean
  last_seen?: null | string
  capabilities?: string[]
}

export interface FactsUser extends DuoUser {
  status: string
  is_enrolled?: boolean
  email?: string
  realname?: string
  notes?: string
  groups: Array<{group_id: string; name: string}>
  phones: FactsPhone[]
  tokens: Array<{serial?: string; token_id: string; type?: string}>
  webauthncredentials?: Array<{credential_name?: string; label?: string; webauthnkey: string}>
}

export interface BypassCodeFacts {
  bypass_code_id: string
  expiration?: null | number
  reuse_count?: null | number
}

export interface UserFacts {
  /** As typed: a username, alias or id. */
  asked: string
  user: FactsUser
  bypassCodes: BypassCodeFacts[]
}

export async function readUserFacts(client: DuoCaller, user: string): Promise<UserFacts> {
  const {response} = await call<FactsUser>(client, 'getuser', {user_id: user})
  const codes = await call<BypassCodeFacts[]>(client, 'listuserbypasscodes', {limit: 300, user_id: response.user_id})
  return {asked: user, bypassCodes: codes.response, user: response}
}

/** The plan's "who": what was typed and what it is. */
export function caseUser(facts: UserFacts): {user: string; user_id: string; username: string} {
  return {user: facts.asked, user_id: facts.user.user_id, username: facts.user.username}
}

/** A phone as a person names it: its number, else its name, else its id. */
export function phoneLabel(phone: FactsPhone): string {
  return phone.number || phone.name || phone.phone_id
}
