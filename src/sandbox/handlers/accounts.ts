// The parent's Accounts API (Duo Accounts API docs; duo_client_python's accounts.py): its child
// accounts, each with the api_hostname its own listener answers on (child-accounts.ts).
import {notFound} from '../envelope.js'
import {type Handler, type Handlers, param} from './context.js'

const listaccounts: Handler = (ctx) => ({response: ctx.accounts.list()})

const createaccount: Handler = (ctx) => ({response: ctx.accounts.create(param(ctx, 'name')!)})

/** Duo's answer to a delete is an empty response, as for its other deletes (unconfirmed for accounts). */
const deleteaccount: Handler = (ctx) => {
  const id = param(ctx, 'account_id')!
  if (!ctx.accounts.remove(id)) throw notFound(`child account ${id}`)
  return {response: ''}
}

export const accountsHandlers = {createaccount, deleteaccount, listaccounts} satisfies Handlers
