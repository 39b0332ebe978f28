// WebAuthn credentials, legacy U2F tokens and Duo Desktop authenticators account-wide (Duo Admin
// API docs, "WebAuthn Credentials", "Desktop Authenticators"; duo_client_python for U2F). Each is
// held on its user, so the account-wide lists walk the users in order.
import {notFound, paginate} from '../envelope.js'
import type {UserRecord} from '../records.js'
import type {SandboxState} from '../state.js'
import {desktopAuthenticatorView, u2fView, webauthnView} from '../views.js'
import {type Handler, type Handlers} from './context.js'

interface Held<T> {
  items(user: UserRecord): readonly T[]
  set(user: UserRecord, items: readonly T[]): void
  key(item: T): string
  view(state: SandboxState, user: UserRecord): (item: T) => unknown
  what: string
}

type ItemOf<K extends 'desktopauthenticators' | 'webauthncredentials'> = UserRecord[K][number]

const webauthn: Held<ItemOf<'webauthncredentials'>> = {
  items: (user) => user.webauthncredentials,
  key: (c) => c.webauthnkey,
  set: (user, items) => (user.webauthncredentials = items),
  view: (_state, user) => webauthnView(user),
  what: 'WebAuthn credential',
}

const u2f: Held<NonNullable<UserRecord['u2ftokens']>[number]> = {
  items: (user) => user.u2ftokens ?? [],
  key: (t) => t.registration_id,
  set: (user, items) => (user.u2ftokens = items),
  view: u2fView,
  what: 'U2F token',
}

const desktop: Held<ItemOf<'desktopauthenticators'>> = {
  items: (user) => user.desktopauthenticators,
  key: (d) => d.dakey,
  set: (user, items) => (user.desktopauthenticators = items),
  view: (_state, user) => desktopAuthenticatorView(user),
  what: 'desktop authenticator',
}

function everyone<T>(state: SandboxState, kind: Held<T>): unknown[] {
  return state.users.flatMap((user) => kind.items(user).map(kind.view(state, user)))
}

function find<T>(state: SandboxState, kind: Held<T>, key: string): {item: T; user: UserRecord} | undefined {
  for (const user of state.users) {
    const item = kind.items(user).find((i) => kind.key(i) === key)
    if (item) return {item, user}
  }

  return undefined
}

const list = <T>(kind: Held<T>): Handler => (ctx) => paginate(everyone(ctx.state, kind), ctx.params, ctx.operation.paging!, (item) => item)

const get = <T>(kind: Held<T>, param: string): Handler => (ctx) => {
  const found = find(ctx.state, kind, ctx.path[param])
  if (!found) throw notFound(`${kind.what} ${ctx.path[param]}`)
  return {response: kind.view(ctx.state, found.user)(found.item)}
}

/** 200 and "" even when already gone (duo_client_python's delete_* docstrings); the owner loses it. */
const remove = <T>(kind: Held<T>, param: string): Handler => (ctx) => {
  const found = find(ctx.state, kind, ctx.path[param])
  if (found) kind.set(found.user, kind.items(found.user).filter((i) => i !== found.item))
  return {response: ''}
}

export const authenticatorHandlers = {
  deletedesktopauthenticator: remove(desktop, 'dakey'),
  deleteu2ftoken: remove(u2f, 'registration_id'),
  deletewebauthncredential: remove(webauthn, 'webauthnkey'),
  getdesktopauthenticator: get(desktop, 'dakey'),
  getu2ftoken: get(u2f, 'registration_id'),
  getwebauthncredential: get(webauthn, 'webauthnkey'),
  listdesktopauthenticators: list(desktop),
  listu2ftokens: list(u2f),
  listuseru2ftokens(ctx) {
    const user = ctx.state.requireUser(ctx.path.user_id)
    return paginate(user.u2ftokens ?? [], ctx.params, ctx.operation.paging!, (token) => ({...token}))
  },
  listwebauthncredentials: list(webauthn),
} satisfies Handlers
