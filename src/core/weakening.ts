// Changes that weaken security without removing anything: a user or group set to bypass (two-factor
// is skipped) or disabled (nobody in it can log in, or the user cannot). Like destructive calls,
// they are confirmed first (CLI) or need confirm (MCP); this says which calls they are, once.
import type {OperationName} from './catalog/index.js'

export type WeakeningStatus = 'bypass' | 'disabled'

const STATUS_CHANGES = new Set<OperationName>(['updategroup', 'updateuser'])

/** The status an update sets that weakens security, or undefined when the call sets none. */
export function weakeningStatus(operation: OperationName, input: Record<string, unknown>): undefined | WeakeningStatus {
  if (!STATUS_CHANGES.has(operation)) return undefined
  const status = typeof input.status === 'string' ? input.status.toLowerCase() : undefined
  return status === 'bypass' || status === 'disabled' ? status : undefined
}

/** The question a person answers before such a change to `who` (a username or group name). */
export function weakeningQuestion(operation: OperationName, status: WeakeningStatus, who: string): string {
  if (operation === 'updategroup') {
    return status === 'bypass'
      ? `Set group ${who} to bypass? Its members will log in without two-factor authentication.`
      : `Disable group ${who}? Its members will be denied access.`
  }

  return status === 'bypass' ? `Set ${who} to bypass? They will log in without two-factor authentication.` : `Disable ${who}? They will not be able to log in.`
}
