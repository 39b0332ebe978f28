// Users: list and look up, create, get, modify, delete, enroll (Duo Admin API docs, "Users").
import {invalidParams, paginate, wholeList} from '../envelope.js'
import type {UserRecord} from '../records.js'
import {userView} from '../views.js'
import {type Handler, type Handlers, type HandlerContext, listParam, nowSeconds, param} from './context.js'
import {applyUserChanges, createUser, userChanges} from './user-fields.js'

const listusers: Handler = (ctx) => {
  const {state} = ctx
  const view = (user: UserRecord) => userView(state, user)
  const ids = listParam(ctx, 'user_id_list')
  const names = listParam(ctx, 'username_list')
  const username = param(ctx, 'username')
  const email = param(ctx, 'email')
  if (ids || names) {
    // The id lists exclude the single-user lookups ([CS]) and ignore limit and offset.
    if (username !== undefined || email !== undefined) throw invalidParams('user_id_list and username_list cannot be combined with username or email')
    if (ids && names) throw invalidParams('give user_id_list or username_list, not both')
    const found = ids ? ids.map((id) => state.user(id)) : names!.map((name) => state.userByName(name))
    return wholeList(found.filter((u): u is UserRecord => u !== undefined).map(view))
  }

  let users: readonly UserRecord[] = state.users
  if (username !== undefined) {
    const user = state.userByName(username)
    users = user ? [user] : []
  }

  if (email !== undefined) users = users.filter((u) => u.email.toLowerCase() === email.toLowerCase())
  return paginate(users, ctx.params, ctx.operation.paging!, view)
}

const createuser: Handler = (ctx) => {
  const user = createUser(ctx.state, userChanges(ctx.state, scalars(ctx)), nowSeconds(ctx))
  return {response: userView(ctx.state, user)}
}

const getuser: Handler = (ctx) => ({response: userView(ctx.state, ctx.state.requireUser(ctx.path.user_id))})

const updateuser: Handler = (ctx) => {
  const user = ctx.state.requireUser(ctx.path.user_id)
  applyUserChanges(ctx.state, user, userChanges(ctx.state, scalars(ctx), user))
  return {response: userView(ctx.state, user)}
}

/** Permanent, and 200 even if the user is already gone ([CS], [PY]). */
const deleteuser: Handler = (ctx) => {
  ctx.state.removeUser(ctx.path.user_id)
  return {response: ''}
}

/**
 * Creates the user if no user has that username or alias, then "sends" the enrollment e-mail.
 * Duo's answer is a string ([CS]); "" as for its other calls without a payload. Whether Duo refuses
 * an already-enrolled user is unconfirmed; the sandbox does not.
 */
const enrolluser: Handler = (ctx) => {
  const username = param(ctx, 'username')!
  const user = ctx.state.userByName(username)
  if (!user) createUser(ctx.state, userChanges(ctx.state, {email: param(ctx, 'email'), username}), nowSeconds(ctx))
  else if (!user.email) applyUserChanges(ctx.state, user, {fields: {email: param(ctx, 'email')}})
  return {response: ''}
}

/** The checked parameters, all scalars for these operations. */
function scalars(ctx: HandlerContext): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(ctx.params).map((name) => [name, param(ctx, name)]))
}

export const userHandlers = {createuser, deleteuser, enrolluser, getuser, listusers, updateuser} satisfies Handlers
