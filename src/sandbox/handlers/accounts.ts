// The parent's Accounts API (Duo Accounts API docs, "Retrieve Accounts"): its child accounts, each
// with the api_hostname its own listener answers on (child-accounts.ts).
import type {Handler, Handlers} from './context.js'

const listaccounts: Handler = (ctx) => ({response: ctx.accounts})

export const accountsHandlers = {listaccounts} satisfies Handlers
