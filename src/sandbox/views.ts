// The JSON Duo returns for each object (Duo Admin API docs). Embedded copies inside a user object are the
// same objects minus back-references (a phone in user.phones does not list its users).
import type {SandboxState} from './state.js'
import type {BypassCode, DesktopAuthenticator, GroupRecord, PhoneRecord, TokenRecord, U2FToken, UserRecord, WebAuthnCredential} from './records.js'

export function userView(state: SandboxState, user: UserRecord): Record<string, unknown> {
  const {bypass_codes: _codes, group_ids: groupIds, phone_ids: phoneIds, token_ids: tokenIds, ...fields} = user
  const phones = defined(phoneIds.map((id) => state.phones.get(id)))
  const tokens = defined(tokenIds.map((id) => state.tokens.get(id)))
  return {
    ...fields,
    alias1: user.aliases.alias1 ?? null,
    alias2: user.aliases.alias2 ?? null,
    alias3: user.aliases.alias3 ?? null,
    alias4: user.aliases.alias4 ?? null,
    aliases: {...user.aliases},
    desktopauthenticators: user.desktopauthenticators.map((d) => ({...d})),
    groups: defined(groupIds.map((id) => state.group(id))).map(groupView),
    is_enrolled: isEnrolled(user, phones),
    phones: phones.map(phoneView),
    tokens: tokens.map(tokenView),
    u2ftokens: (user.u2ftokens ?? []).map((u) => ({...u})),
    webauthncredentials: user.webauthncredentials.map((w) => ({...w})),
  }
}

/** The short form of a user that other objects embed (bypass codes, WebAuthn, group members). */
export function userSummary(user: UserRecord): Record<string, unknown> {
  return {email: user.email, realname: user.realname, user_id: user.user_id, username: user.username}
}

export const groupView = (group: GroupRecord): Record<string, unknown> => ({...group})
export const phoneView = (phone: PhoneRecord): Record<string, unknown> => ({...phone, capabilities: [...phone.capabilities]})
/** Secrets are write-only: never in a response. */
export const tokenView = ({secrets: _secrets, ...token}: TokenRecord): Record<string, unknown> => ({...token})

/**
 * The abbreviated user that phones, tokens and U2F tokens embed (Duo Admin API docs, "Phones";
 * duo_api_golang's fixtures): the user's own fields, no nested devices or groups.
 */
export function userBrief(state: SandboxState, user: UserRecord): Record<string, unknown> {
  const phones = defined(user.phone_ids.map((id) => state.phones.get(id)))
  return {
    alias1: user.aliases.alias1 ?? null,
    alias2: user.aliases.alias2 ?? null,
    alias3: user.aliases.alias3 ?? null,
    alias4: user.aliases.alias4 ?? null,
    aliases: {...user.aliases},
    created: user.created,
    email: user.email,
    firstname: user.firstname,
    is_enrolled: isEnrolled(user, phones),
    last_directory_sync: user.last_directory_sync,
    last_login: user.last_login,
    lastname: user.lastname,
    notes: user.notes,
    realname: user.realname,
    status: user.status,
    user_id: user.user_id,
    username: user.username,
  }
}

/** A phone as /admin/v1/phones returns it: with the users it is attached to. */
export function phoneWithUsers(state: SandboxState, phone: PhoneRecord, users: readonly UserRecord[]): Record<string, unknown> {
  return {...phoneView(phone), users: users.map((user) => userBrief(state, user))}
}

/** A token as /admin/v1/tokens returns it: with its users and (none in the sandbox) administrators. */
export function tokenWithUsers(state: SandboxState, token: TokenRecord): Record<string, unknown> {
  return {...tokenView(token), admins: [], users: state.tokenUsers(token.token_id).map((user) => userBrief(state, user))}
}

/** Account-wide, a U2F token carries its user; under a user it does not (duo_api_golang's fixtures). */
export function u2fView(state: SandboxState, user: UserRecord) {
  return (token: U2FToken): Record<string, unknown> => ({...token, user: userBrief(state, user)})
}

export function webauthnView(user: UserRecord) {
  return (credential: WebAuthnCredential): Record<string, unknown> => ({...credential, user: userSummary(user)})
}

export function desktopAuthenticatorView(user: UserRecord) {
  return (authenticator: DesktopAuthenticator): Record<string, unknown> => ({...authenticator, user: userSummary(user)})
}

/** Metadata only: the code itself is never returned after creation (Duo Admin API docs, "Users": bypass codes, phones, tokens). */
export function bypassCodeView(user: UserRecord) {
  return ({code: _code, ...metadata}: BypassCode): Record<string, unknown> => ({...metadata, user: userSummary(user)})
}

/** A user can authenticate with something: an activated phone, a token or a WebAuthn credential. */
function isEnrolled(user: UserRecord, phones: PhoneRecord[]): boolean {
  return phones.some((p) => p.activated) || user.token_ids.length > 0 || user.webauthncredentials.length > 0 || (user.u2ftokens?.length ?? 0) > 0
}

function defined<T>(items: Array<T | undefined>): T[] {
  return items.filter((item): item is T => item !== undefined)
}
