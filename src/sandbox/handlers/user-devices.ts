// A user's groups, phones, hardware tokens, WebAuthn credentials and desktop authenticators
// (Duo Admin API docs, "Users": bypass codes, phones, tokens). Membership lives on the user as id lists.
import {invalidParams, paginate} from '../envelope.js'
import type {GroupRecord, PhoneRecord, TokenRecord} from '../records.js'
import type {SandboxState} from '../state.js'
import {desktopAuthenticatorView, groupView, phoneView, tokenView, webauthnView} from '../views.js'
import {type Handler, type Handlers, param} from './context.js'

/** Per-user limits (Duo Admin API docs: 100 groups, phones and tokens per user). */
const MAX_PER_USER = 100

interface Linked<T> {
  link: 'group_ids' | 'phone_ids' | 'token_ids'
  param: string
  lookup(state: SandboxState, id: string): T | undefined
  view(item: T): unknown
}

const groups: Linked<GroupRecord> = {link: 'group_ids', lookup: (s, id) => s.group(id), param: 'group_id', view: groupView}
const phones: Linked<PhoneRecord> = {link: 'phone_ids', lookup: (s, id) => s.phones.get(id), param: 'phone_id', view: phoneView}
const tokens: Linked<TokenRecord> = {link: 'token_ids', lookup: (s, id) => s.tokens.get(id), param: 'token_id', view: tokenView}

function list<T>(kind: Linked<T>): Handler {
  return (ctx) => {
    const user = ctx.state.requireUser(ctx.path.user_id)
    const items = user[kind.link].map((id) => kind.lookup(ctx.state, id)).filter((item): item is T => item !== undefined)
    return paginate(items, ctx.params, ctx.operation.paging!, kind.view)
  }
}

/**
 * An unknown group, phone or token is a bad parameter value (400 40002) rather than a 404: the
 * missing thing is named in the body, not the path (Duo's exact answer is unconfirmed).
 * Associating something already associated succeeds and changes nothing.
 */
function associate<T>(kind: Linked<T>): Handler {
  return (ctx) => {
    const user = ctx.state.requireUser(ctx.path.user_id)
    const id = param(ctx, kind.param)!
    if (!kind.lookup(ctx.state, id)) throw invalidParams(`${kind.param} ${id} does not exist`)
    if (!user[kind.link].includes(id)) {
      if (user[kind.link].length >= MAX_PER_USER) throw invalidParams(`${kind.param}: the user already has ${MAX_PER_USER}`)
      user[kind.link] = [...user[kind.link], id]
    }

    return {response: ''}
  }
}

/** "" and 200 even when it was not associated; the phone or token itself is kept. */
function disassociate<T>(kind: Linked<T>): Handler {
  return (ctx) => {
    const user = ctx.state.requireUser(ctx.path.user_id)
    user[kind.link] = user[kind.link].filter((id) => id !== ctx.path[kind.param])
    return {response: ''}
  }
}

export const userDeviceHandlers = {
  associateusergroup: associate(groups),
  associateuserphone: associate(phones),
  associateusertoken: associate(tokens),
  disassociateusergroup: disassociate(groups),
  disassociateuserphone: disassociate(phones),
  disassociateusertoken: disassociate(tokens),
  listuserdesktopauthenticators(ctx) {
    const user = ctx.state.requireUser(ctx.path.user_id)
    return paginate(user.desktopauthenticators, ctx.params, ctx.operation.paging!, desktopAuthenticatorView(user))
  },
  listusergroups: list(groups),
  listuserphones: list(phones),
  listusertokens: list(tokens),
  listuserwebauthncredentials(ctx) {
    const user = ctx.state.requireUser(ctx.path.user_id)
    return paginate(user.webauthncredentials, ctx.params, ctx.operation.paging!, webauthnView(user))
  },
} satisfies Handlers
