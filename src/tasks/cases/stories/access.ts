// The single-step actions the guided session offers beside the stories: bypass codes for a
// while, a group added or taken away, Duo's enrollment e-mail sent.
import type {CasePlan} from '../plan.js'
import {type FactsPhone, type UserFacts, caseUser, phoneLabel} from '../user-facts.js'
import {memberOf} from './groups.js'

/** Bypass codes that expire after `validSecs` (0: never), keeping the user's other codes. */
export function planBypassCodes(facts: UserFacts, options: {count: number; validSecs: number; now: Date}): CasePlan {
  const {user} = facts
  const until = options.validSecs === 0 ? 'never expiring' : `valid until ${new Date(options.now.getTime() + options.validSecs * 1000).toISOString().slice(0, 16).replace('T', ' ')}Z`
  return {
    name: 'bypass-codes',
    notes: [],
    steps: [
      {
        id: `bypass-codes:${options.now.toISOString()}`,
        input: {count: options.count, preserve_existing: true, user_id: user.user_id, valid_secs: options.validSecs},
        operation: 'createuserbypasscodes',
        sensitive: true,
        title: `Issue ${options.count} bypass code${options.count === 1 ? '' : 's'} to ${user.username}, ${until}`,
        traceless: true,
      },
    ],
    user: caseUser(facts),
  }
}

export function planGroupChange(facts: UserFacts, change: {add: boolean; group: {group_id: string; name: string}}): CasePlan {
  const {user} = facts
  const {group} = change
  const member = memberOf(user, group.group_id)
  return {
    name: change.add ? 'add-group' : 'remove-group',
    notes: [],
    steps: [
      change.add
        ? {
            alreadyDone: member ? `already in ${group.name}` : undefined,
            id: `group:${group.group_id}`,
            input: {group_id: group.group_id, user_id: user.user_id},
            operation: 'associateusergroup',
            title: `Add ${user.username} to group ${group.name}`,
          }
        : {
            alreadyDone: member ? undefined : `not in ${group.name}`,
            id: `group:${group.group_id}`,
            input: {group_id: group.group_id, user_id: user.user_id},
            operation: 'disassociateusergroup',
            sensitive: true,
            title: `Remove ${user.username} from group ${group.name}`,
          },
    ],
    user: caseUser(facts),
  }
}

/** Duo's enrollment e-mail to the address on the user (the person enrolls their own device). */
export function planEnrollEmail(facts: UserFacts, now: Date): CasePlan {
  const {user} = facts
  return {
    name: 'enroll',
    notes: [],
    steps: [
      {
        id: `enroll:${now.toISOString()}`,
        input: {email: user.email, username: user.username},
        operation: 'enrolluser',
        sensitive: true,
        title: `E-mail ${user.email} a Duo enrollment link for ${user.username}`,
        traceless: true,
      },
    ],
    user: caseUser(facts),
  }
}

/** A new Duo Mobile activation link texted to a phone that is not activated yet. */
export function planResendActivation(facts: UserFacts, phone: FactsPhone, now: Date): CasePlan {
  return {
    name: 'resend-activation',
    notes: [],
    steps: [
      {
        id: `activation:${phone.phone_id}:${now.toISOString()}`,
        input: {install: '1', phone_id: phone.phone_id},
        operation: 'sendphonesmsactivation',
        sensitive: true,
        title: `Text ${phoneLabel(phone)} a new Duo Mobile activation link (the old link stops working)`,
        traceless: true,
      },
    ],
    user: caseUser(facts),
  }
}
