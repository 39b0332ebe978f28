// The account summary (Duo Admin API docs, "Account Info"), counted from the sandbox's state.
import {type Handler, type Handlers} from './context.js'

/**
 * The sandbox has one administrator (whoever runs it) and one integration (this Admin API
 * application); it sends no real SMS or calls, so its credit balance is a fixed allowance.
 */
const SANDBOX_ADMINS = 1
const SANDBOX_INTEGRATIONS = 1
const SANDBOX_TELEPHONY_CREDITS = 1000

const getinfosummary: Handler = (ctx) => {
  // Whether Duo's user_count includes users in the Trash is not documented: here it does not.
  const trashed = ctx.state.users.filter((u) => u.status === 'pending deletion').length
  return {
    response: {
      admin_count: SANDBOX_ADMINS,
      integration_count: SANDBOX_INTEGRATIONS,
      telephony_credits_remaining: SANDBOX_TELEPHONY_CREDITS,
      user_count: ctx.state.users.length - trashed,
      user_pending_deletion_count: trashed,
    },
  }
}

export const accountHandlers = {getinfosummary} satisfies Handlers
