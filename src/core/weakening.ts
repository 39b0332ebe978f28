// Changes that weaken security without removing anything: a user or group set to bypass (two-factor
// is skipped) or disabled (nobody in it can log in, or the user cannot), on creation as on a change.
// Like destructive calls, they are confirmed first (CLI) or need confirm (MCP); this says which calls
// they are, once, and how to ask about them (one call, or the rows of a file).
import type {OperationName} from './catalog/index.js'

export type WeakeningStatus = 'bypass' | 'disabled'

const STATUS_CHANGES = new Set<OperationName>(['creategroup', 'createuser', 'updategroup', 'updateuser'])

/** The status a call sets that weakens security, or undefined when the call sets none. */
export function weakeningStatus(operation: OperationName, input: Record<string, unknown>): undefined | WeakeningStatus {
  if (!STATUS_CHANGES.has(operation)) return undefined
  const status = typeof input.status === 'string' ? input.status.toLowerCase() : undefined
  return status === 'bypass' || status === 'disabled' ? status : undefined
}

/** The question a person answers before such a call on `who` (a username or group name). */
export function weakeningQuestion(operation: OperationName, status: WeakeningStatus, who: string): string {
  const group = operation === 'creategroup' || operation === 'updategroup'
  const create = operation === 'creategroup' || operation === 'createuser'
  if (group) {
    const consequence = status === 'bypass' ? 'Its members will log in without two-factor authentication.' : 'Its members will be denied access.'
    if (create) return `Create group ${who} with status ${status}? ${consequence}`
    return `${status === 'bypass' ? `Set group ${who} to bypass?` : `Disable group ${who}?`} ${consequence}`
  }

  const consequence = status === 'bypass' ? 'They will log in without two-factor authentication.' : 'They will not be able to log in.'
  if (create) return `Create ${who} with status ${status}? ${consequence}`
  return `${status === 'bypass' ? `Set ${who} to bypass?` : `Disable ${who}?`} ${consequence}`
}

/** How many rows of a file (an import, a bulk file) set each weakening status. */
export type WeakeningCounts = Record<WeakeningStatus, number>

export function noWeakening(): WeakeningCounts {
  return {bypass: 0, disabled: 0}
}

/** Calls whose `users` rows each create a user as createuser would (Duo Admin API docs, "Bulk Create Users"). */
const ROW_CREATES: ReadonlySet<string> = new Set<OperationName>(['bulkcreateusers'])

/** Whether the call can create users from rows, each of which may weaken security. */
export function createsUserRows(operation: string): boolean {
  return ROW_CREATES.has(operation)
}

/** How many of such a call's rows set each weakening status; undefined for other calls. */
export function weakeningRows(operation: string, input: Record<string, unknown>): undefined | WeakeningCounts {
  if (!ROW_CREATES.has(operation) || !Array.isArray(input.users)) return undefined
  const counts = noWeakening()
  for (const row of input.users as unknown[]) {
    const status = row !== null && typeof row === 'object' ? weakeningStatus('createuser', row as Record<string, unknown>) : undefined
    if (status) counts[status]++
  }

  return counts
}

/**
 * "3 rows set status bypass (two-factor is skipped) and 1 row sets status disabled (no login)", or
 * undefined when no row weakens security; `noun` is what the file holds (rows, operations).
 */
export function describeWeakeningRows(counts: WeakeningCounts, noun: 'operation' | 'row'): string | undefined {
  const parts = (['bypass', 'disabled'] as const)
    .filter((status) => counts[status] > 0)
    .map((status) => {
      const n = counts[status]
      const what = status === 'bypass' ? 'two-factor authentication is skipped' : 'every login is denied'
      return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? ' sets' : 's set'} status ${status} (${what})`
    })
  return parts.length === 0 ? undefined : parts.join(' and ')
}
