// bulk_create, bulk_send_to_trash and bulk_restore (Duo Admin API docs, "Users"). Each is all-or-nothing: every
// row or id is checked before anything changes.
import {getOperation} from '../../core/catalog/index.js'
import {checkParams, describeProblems} from '../../core/params.js'
import {ApiFailure, invalidParams} from '../envelope.js'
import type {UserRecord} from '../records.js'
import {userView} from '../views.js'
import {type Handler, type Handlers, type HandlerContext, listParam, nowSeconds, param} from './context.js'
import {type UserChanges, createUser, userChanges} from './user-fields.js'

/** The fields a bulk_create row may carry ([RUBY], [PM]). */
const ROW_FIELDS = new Set(['username', 'realname', 'email', 'status', 'notes', 'firstname', 'lastname'])

/** Returns the created user objects ([CS] typing; unconfirmed). */
const bulkcreateusers: Handler = (ctx) => {
  const rows = JSON.parse(param(ctx, 'users')!) as Array<Record<string, unknown>>
  const taken = new Set<string>()
  const changes = rows.map((row, index): UserChanges => {
    const where = `users[${index}]`
    const unknown = Object.keys(row).filter((key) => !ROW_FIELDS.has(key))
    if (unknown.length > 0) throw invalidParams(`${where}: unknown field ${unknown.join(', ')}`)
    if (typeof row.username !== 'string' || row.username === '') throw invalidParams(`${where}: username is required`)
    const {params, problems} = checkParams(getOperation('createuser'), row)
    if (problems.length > 0) throw invalidParams(`${where}: ${describeProblems(problems)}`)
    try {
      const checked = userChanges(ctx.state, params as Record<string, string>, undefined, taken)
      taken.add(row.username.toLowerCase())
      return checked
    } catch (error) {
      throw error instanceof ApiFailure ? invalidParams(`${where}: ${error.detail}`) : error
    }
  })
  const created = nowSeconds(ctx)
  return {response: changes.map((change) => userView(ctx.state, createUser(ctx.state, change, created)))}
}

/**
 * Trashed users stay listed with status "pending deletion" (Duo keeps them visible in the Admin
 * Panel's Trash until purged). The response is "" as for Duo's other calls without a payload
 * (the real shape is unconfirmed).
 */
const bulksenduserstotrash: Handler = (ctx) => {
  for (const user of usersOf(ctx)) user.status = 'pending deletion'
  return {response: ''}
}

/** Restored users come back active; a user not in the Trash is left as is. Response as above. */
const bulkrestoreusers: Handler = (ctx) => {
  for (const user of usersOf(ctx)) if (user.status === 'pending deletion') user.status = 'active'
  return {response: ''}
}

function usersOf(ctx: HandlerContext): UserRecord[] {
  return listParam(ctx, 'user_id_list')!.map((id) => {
    const user = ctx.state.user(id)
    if (!user) throw invalidParams(`user_id_list: no user ${id}`)
    return user
  })
}

export const bulkUserHandlers = {bulkcreateusers, bulkrestoreusers, bulksenduserstotrash} satisfies Handlers
