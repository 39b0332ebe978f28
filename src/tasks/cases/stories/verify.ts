// "Is this really you?": a verification push to the caller's phone; the person at the helpdesk
// reads them the confirmation code and waits for the approval (tasks/verify-push.ts waits).
import {UsageError} from '../../../core/errors.js'
import type {CasePlan} from '../plan.js'
import {type UserFacts, caseUser, phoneLabel} from '../user-facts.js'

/** The phone to push to: the one given, else the user's only phone that can take Duo Push. */
export function planVerify(facts: UserFacts, phoneId?: string): CasePlan {
  const {user} = facts
  const capable = user.phones.filter((p) => p.capabilities?.includes('push'))
  const phone = phoneId ? user.phones.find((p) => p.phone_id === phoneId) : capable.length === 1 ? capable[0] : undefined
  if (!phone) {
    throw new UsageError(
      phoneId
        ? `${user.username} has no phone ${phoneId}.`
        : capable.length === 0
          ? `${user.username} has no phone that can receive Duo Push.`
          : `${user.username} has ${capable.length} phones that can receive Duo Push: ${capable.map((p) => `${p.phone_id} (${phoneLabel(p)})`).join(', ')}.`,
      capable.length > 1 ? 'Pass --phone with one of these ids.' : 'Check their phones with `duo users phones list`.',
    )
  }

  return {
    name: 'verify',
    notes: [],
    steps: [
      {
        id: `push:${phone.phone_id}`,
        input: {phone_id: phone.phone_id, user_id: user.user_id},
        operation: 'sendverificationpush',
        sensitive: true,
        title: `Send a verification Duo Push to ${user.username}'s phone ${phoneLabel(phone)}`,
      },
    ],
    user: caseUser(facts),
  }
}
