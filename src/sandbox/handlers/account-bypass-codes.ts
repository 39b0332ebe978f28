// Bypass codes account-wide (Duo Admin API docs, "Bypass Codes"): metadata only, never a code.
// The codes live on their users, so the list walks the users in order.
import {notFound, paginate} from '../envelope.js'
import type {BypassCode, UserRecord} from '../records.js'
import type {SandboxState} from '../state.js'
import {bypassCodeView} from '../views.js'
import {type Handler, type Handlers} from './context.js'

function find(state: SandboxState, id: string): {code: BypassCode; user: UserRecord} | undefined {
  for (const user of state.users) {
    const code = user.bypass_codes.find((c) => c.bypass_code_id === id)
    if (code) return {code, user}
  }

  return undefined
}

const listbypasscodes: Handler = (ctx) => {
  const all = ctx.state.users.flatMap((user) => user.bypass_codes.map(bypassCodeView(user)))
  return paginate(all, ctx.params, ctx.operation.paging!, (code) => code)
}

const getbypasscode: Handler = (ctx) => {
  const found = find(ctx.state, ctx.path.bypass_code_id)
  if (!found) throw notFound(`bypass code ${ctx.path.bypass_code_id}`)
  return {response: bypassCodeView(found.user)(found.code)}
}

/** 200 and "" even when already gone (duo_client_python's delete_bypass_code_by_id). */
const deletebypasscode: Handler = (ctx) => {
  const found = find(ctx.state, ctx.path.bypass_code_id)
  if (found) found.user.bypass_codes = found.user.bypass_codes.filter((c) => c !== found.code)
  return {response: ''}
}

export const accountBypassCodeHandlers = {deletebypasscode, getbypasscode, listbypasscodes} satisfies Handlers
