// A contractor for a fixed time: bypass codes that expire when the engagement ends, a group for
// their access, and a dated note. Duo has no expiring group membership, so the note and the plan
// say when to take the group away again.
import type {CasePlan, CaseStep} from '../plan.js'
import {type UserFacts, caseUser} from '../user-facts.js'
import {noteLine, noteStep} from '../note.js'
import {memberOf} from './groups.js'

export interface ContractorOptions {
  /** The group that gives the contractor their access. */
  group: string
  /** How long the access lasts, in seconds. */
  validSecs: number
  /** How many bypass codes (Duo makes at most 10 at once). */
  codes: number
  now: Date
}

export function planContractor(facts: UserFacts, options: ContractorOptions): CasePlan {
  const {user} = facts
  const until = new Date(options.now.getTime() + options.validSecs * 1000).toISOString().slice(0, 10)
  const line = noteLine('contractor', `access until ${until}; remove from group ${options.group} then`, options.now)
  const steps: CaseStep[] = [
    {
      alreadyDone: memberOf(user, options.group) ? `already in ${options.group}` : undefined,
      id: `group:${options.group.toLowerCase()}`,
      input: {group_id: options.group, user_id: user.user_id},
      operation: 'associateusergroup',
      title: `Add ${user.username} to group ${options.group}`,
    },
    {
      id: `bypass-codes:${until}`,
      input: {count: options.codes, preserve_existing: true, user_id: user.user_id, valid_secs: options.validSecs},
      operation: 'createuserbypasscodes',
      sensitive: true,
      title: `Issue ${options.codes} bypass code${options.codes === 1 ? '' : 's'} to ${user.username}, valid until ${until} (their other codes are kept)`,
      traceless: true,
    },
    noteStep(user, line),
  ]
  return {
    name: 'contractor',
    notes: [`Duo has no expiring group membership: on ${until}, remove ${user.username} from ${options.group} (duo users groups remove ${user.username} "${options.group}").`],
    steps,
    user: caseUser(facts),
  }
}
