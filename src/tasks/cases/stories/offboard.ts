// A leaver: disabled at once, then everything that gives access is taken away (groups, phones,
// hardware tokens, bypass codes), optionally sent to the Trash. Each step is visible in Duo, so a
// re-run plans only what is left.
import type {CasePlan, CaseStep} from '../plan.js'
import {type UserFacts, caseUser, phoneLabel} from '../user-facts.js'

export interface OffboardOptions {
  /** Send the user to the Trash at the end (purged after Duo's Trash period unless restored). */
  trash?: boolean
}

export function planOffboard(facts: UserFacts, options: OffboardOptions = {}): CasePlan {
  const {user} = facts
  const who = {user_id: user.user_id}
  const steps: CaseStep[] = [
    {
      alreadyDone: user.status === 'disabled' || user.status === 'pending deletion' ? `already ${user.status}` : undefined,
      id: 'disable',
      input: {...who, status: 'disabled'},
      operation: 'updateuser',
      sensitive: true,
      title: `Disable ${user.username} (every login is denied)`,
    },
    ...user.groups.map((group): CaseStep => ({
      id: `group:${group.group_id}`,
      input: {...who, group_id: group.group_id},
      operation: 'disassociateusergroup',
      sensitive: true,
      title: `Remove ${user.username} from group ${group.name}`,
    })),
    ...user.phones.map((phone): CaseStep => ({
      id: `phone:${phone.phone_id}`,
      input: {...who, phone_id: phone.phone_id},
      operation: 'disassociateuserphone',
      sensitive: true,
      title: `Detach phone ${phoneLabel(phone)} from ${user.username}`,
    })),
    ...user.tokens.map((token): CaseStep => ({
      id: `token:${token.token_id}`,
      input: {...who, token_id: token.token_id},
      operation: 'disassociateusertoken',
      sensitive: true,
      title: `Detach hardware token ${token.serial ?? token.token_id} from ${user.username}`,
    })),
    ...facts.bypassCodes.map((code): CaseStep => ({
      id: `bypass-code:${code.bypass_code_id}`,
      input: {bypass_code_id: code.bypass_code_id},
      operation: 'deletebypasscode',
      sensitive: true,
      title: `Delete ${user.username}'s bypass code ${code.bypass_code_id}`,
    })),
  ]
  if (options.trash) {
    steps.push({
      alreadyDone: user.status === 'pending deletion' ? 'already in the Trash' : undefined,
      id: 'trash',
      input: {user_id_list: [user.user_id]},
      operation: 'bulksenduserstotrash',
      sensitive: true,
      title: `Send ${user.username} to the Trash (purged after the Trash period unless restored)`,
    })
  }

  return {name: 'offboard', notes: [], steps, user: caseUser(facts)}
}
