// "I'm locked out": Duo locks a user out after too many failed attempts; setting the status back to
// active unlocks them (Duo Admin API docs, "Modify User": status).
import {UsageError} from '../../../core/errors.js'
import type {CasePlan} from '../plan.js'
import {type UserFacts, caseUser} from '../user-facts.js'

export function planUnlock(facts: UserFacts): CasePlan {
  const {status, username} = facts.user
  if (status === 'disabled' || status === 'bypass' || status === 'pending deletion') {
    throw new UsageError(
      `${username} is not locked out: their status is "${status}".`,
      status === 'pending deletion' ? `Restore them first: duo users restore ${username}.` : `To change it, run duo users update ${username} --status active.`,
    )
  }

  return {
    name: 'unlock',
    notes: [],
    steps: [
      {
        alreadyDone: status === 'active' ? `${username} is not locked out (status active)` : undefined,
        id: 'unlock',
        input: {status: 'active', user_id: facts.user.user_id},
        operation: 'updateuser',
        title: status === 'active' ? `Unlock ${username}` : `Unlock ${username}: set their status from "${status}" to active`,
      },
    ],
    user: caseUser(facts),
  }
}
