// A new hire: the user is created (or found, on a re-run), put in their groups, and sent Duo's
// enrollment e-mail so they set up their own device. Steps that need the user's id name them by
// username: core/call.ts resolves it when the step runs, after the user exists.
import type {CasePlan, CaseStep} from '../plan.js'
import type {UserFacts} from '../user-facts.js'
import {memberOf} from './groups.js'

export interface NewHireOptions {
  username: string
  email: string
  realname?: string
  groups: string[]
  /** Send Duo's enrollment e-mail (the person enrolls their own device). */
  enroll: boolean
  /** Seconds the enrollment link stays valid (Duo's default: 30 days). */
  validSecs?: number
}

/** `existing` is the user as Duo has them when they already exist (a re-run). */
export function planNewHire(options: NewHireOptions, existing: UserFacts | undefined): CasePlan {
  const {username} = options
  const steps: CaseStep[] = [
    {
      alreadyDone: existing ? `${username} exists (${existing.user.user_id})` : undefined,
      id: 'create',
      input: {email: options.email, realname: options.realname, username},
      operation: 'createuser',
      title: `Create user ${username}${options.realname ? ` (${options.realname})` : ''} <${options.email}>`,
    },
    ...options.groups.map((group): CaseStep => ({
      alreadyDone: existing && memberOf(existing.user, group) ? `already in ${group}` : undefined,
      id: `group:${group.toLowerCase()}`,
      input: {group_id: group, user_id: username},
      operation: 'associateusergroup',
      title: `Add ${username} to group ${group}`,
    })),
  ]
  if (options.enroll) {
    steps.push({
      alreadyDone: existing?.user.is_enrolled ? `${username} is already enrolled` : undefined,
      id: 'enroll',
      input: {email: options.email, username, valid_secs: options.validSecs},
      operation: 'enrolluser',
      sensitive: true,
      title: `E-mail ${options.email} a Duo enrollment link`,
      traceless: true,
    })
  }

  const user = existing ? {user: username, user_id: existing.user.user_id, username} : {user: username, user_id: username, username}
  return {name: 'new-hire', notes: [], steps, user}
}
