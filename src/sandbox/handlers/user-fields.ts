// Create and modify share their fields (Duo Admin API docs, "Users"): checked against the state here, before
// anything changes, so a refused call changes nothing.
import {invalidParams} from '../envelope.js'
import type {UserRecord, UserStatus} from '../records.js'
import type {SandboxState} from '../state.js'

const TEXT_FIELDS = ['realname', 'email', 'firstname', 'lastname', 'notes'] as const
const ALIAS_SLOT = /^alias[1-8]$/

export interface UserChanges {
  fields: Partial<UserRecord>
  aliases?: Record<string, string>
}

/**
 * Validates `input` (checked strings) for creating a user, or modifying `self`. `taken` holds
 * lowercased names claimed by earlier rows of the same bulk_create.
 */
export function userChanges(
  state: SandboxState,
  input: Record<string, string | undefined>,
  self?: UserRecord,
  taken: ReadonlySet<string> = new Set(),
): UserChanges {
  const fields: Partial<UserRecord> = {}
  if (input.username !== undefined) {
    claim(state, 'username', input.username, self, taken)
    fields.username = input.username
  }

  for (const name of TEXT_FIELDS) if (input[name] !== undefined) fields[name] = input[name]
  if (input.status !== undefined) fields.status = input.status as UserStatus
  if (input.enable_auto_prompt !== undefined) fields.enable_auto_prompt = input.enable_auto_prompt === 'true'

  const aliases = aliasChanges(input, self?.aliases ?? {})
  if (aliases) {
    const values = Object.values(aliases).map((v) => v.toLowerCase())
    if (new Set(values).size !== values.length) throw invalidParams('aliases must be different from each other')
    for (const value of Object.values(aliases)) claim(state, 'aliases', value, self, taken)
  }

  return {aliases, fields}
}

export function applyUserChanges(state: SandboxState, user: UserRecord, changes: UserChanges): void {
  state.updateUser(user, (u) => {
    Object.assign(u, changes.fields)
    if (changes.aliases) u.aliases = changes.aliases
  })
}

/** A new active user; `changes` must carry the username. */
export function createUser(state: SandboxState, changes: UserChanges, createdSeconds: number): UserRecord {
  const user: UserRecord = {
    aliases: changes.aliases ?? {},
    bypass_codes: [],
    created: createdSeconds,
    desktopauthenticators: [],
    // Text fields default to "" (Duo's examples show "" for an unset notes; the others may be null).
    email: '',
    enable_auto_prompt: false,
    firstname: '',
    group_ids: [],
    last_directory_sync: null,
    last_login: null,
    lastname: '',
    lockout_reason: null,
    notes: '',
    phone_ids: [],
    realname: '',
    status: 'active',
    token_ids: [],
    user_id: state.newId('DU'),
    username: '',
    webauthncredentials: [],
    ...changes.fields,
  }
  state.addUser(user)
  return user
}

/** A username or alias must not be anyone else's username or alias. */
function claim(state: SandboxState, param: string, name: string, self: undefined | UserRecord, taken: ReadonlySet<string>): void {
  const owner = state.userByName(name)
  if ((owner && owner !== self) || taken.has(name.toLowerCase())) {
    throw invalidParams(`${param} "${name}" is already a username or alias of another user`)
  }
}

/** alias1..4 set or clear one slot; `aliases` (alias1=a&alias5=b, up to 8) sets only the slots it names. */
function aliasChanges(input: Record<string, string | undefined>, current: Record<string, string>): Record<string, string> | undefined {
  const slots: Array<[string, string]> = []
  for (const slot of ['alias1', 'alias2', 'alias3', 'alias4']) {
    if (input[slot] !== undefined) slots.push([slot, input[slot]])
  }

  if (input.aliases !== undefined) {
    for (const [slot, value] of new URLSearchParams(input.aliases)) {
      if (!ALIAS_SLOT.test(slot)) throw invalidParams(`aliases: "${slot}" is not an alias slot (alias1 … alias8)`)
      slots.push([slot, value])
    }
  }

  if (slots.length === 0) return undefined
  const next = {...current}
  for (const [slot, value] of slots) {
    if (value === '') delete next[slot]
    else next[slot] = value
  }

  return next
}
