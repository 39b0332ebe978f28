// Filters on user lists that Duo's API does not have (it filters only by username or e-mail): applied
// to each page as it arrives, so `--all` still streams. Each is what a report used to need jq for.
import {Flags} from '@oclif/core'

import type {DuoCaller} from '../core/calls.js'
import type {DuoUser} from '../core/duo-objects.js'
import {parseSeconds} from '../core/durations.js'
import {resolveGroupId} from '../core/resolve.js'
import type {Row} from './output.js'

/** The statuses Duo shows on a user (Duo Admin API docs, "Users": the first three can be set). */
const LISTED_STATUSES = ['active', 'bypass', 'disabled', 'locked out', 'pending deletion'] as const

export const userFilterFlags = {
  enrolled: Flags.boolean({
    allowNo: false,
    description: 'Only users enrolled in Duo (filtered here: Duo has no such filter)',
    exclusive: ['not-enrolled'],
  }),
  group: Flags.string({description: 'Only members of this group (its name or DG… id)'}),
  'inactive-for': Flags.string({description: 'Only users with no login for this long, or never: 90d, 12h, or seconds'}),
  'not-enrolled': Flags.boolean({description: 'Only users not enrolled in Duo', exclusive: ['enrolled']}),
  status: Flags.string({description: 'Only users with this status', options: [...LISTED_STATUSES]}),
}

export interface UserFilterValues {
  enrolled?: boolean
  group?: string
  'inactive-for'?: string
  'not-enrolled'?: boolean
  status?: string
}

/**
 * One predicate for the filters given (undefined when none is): every flag must hold. A group name is
 * resolved to its id once, before the list is fetched, so a misspelt group fails before any page.
 */
export async function userFilter(client: DuoCaller, flags: UserFilterValues, now = Date.now()): Promise<((row: Row) => boolean) | undefined> {
  const tests: Array<(user: DuoUser) => boolean> = []
  if (flags.status !== undefined) tests.push((u) => u.status === flags.status)
  if (flags.enrolled) tests.push((u) => u.is_enrolled === true)
  if (flags['not-enrolled']) tests.push((u) => u.is_enrolled !== true)
  if (flags['inactive-for'] !== undefined) {
    const since = now / 1000 - parseSeconds(flags['inactive-for'], '--inactive-for')
    tests.push((u) => typeof u.last_login !== 'number' || u.last_login < since)
  }

  if (flags.group !== undefined) {
    const groupId = await resolveGroupId(client, flags.group)
    tests.push((u) => Array.isArray(u.groups) && u.groups.some((g) => (g as {group_id?: string}).group_id === groupId))
  }

  return tests.length === 0 ? undefined : (row) => tests.every((test) => test(row as DuoUser))
}
