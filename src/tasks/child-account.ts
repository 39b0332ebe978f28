// Acting on an MSP child account: the parent's keys list its children (one Accounts API call, on the
// parent's host), and the child named becomes part of the credentials, so that the client sends every
// Admin API call to the child's api_hostname with its account_id.
import type {ChildAccount, Credentials} from '../core/calls.js'
import {PARENT_ACCOUNT, resolveAccount} from '../core/child-accounts.js'
import type {ProfileAccount} from '../core/profiles.js'
import {type ClientOptions, DuoClient} from '../transport/client.js'

/** Whether an --account value (or DUO_ACCOUNT) means the parent itself. */
export function namesParent(wanted: string): boolean {
  return wanted.trim().toLowerCase() === PARENT_ACCOUNT
}

/** The child account `wanted` names (an account id, or a name), looked up with the parent's keys. */
export async function findChildAccount(parent: Credentials, wanted: string, options: Omit<ClientOptions, 'credentials'> = {}): Promise<ChildAccount> {
  // The parent's own credentials: a lookup never goes to a child.
  const {account: _child, ...keys} = parent
  const client = new DuoClient({...options, credentials: keys})
  try {
    return await resolveAccount(client, wanted)
  } finally {
    client.close()
  }
}

/**
 * What a profile keeps for `--account` (profiles add / set): nothing for "none", else the child found
 * now with the profile's keys (so a typo is caught when it is set, not on the next command).
 */
export async function profileAccountFor(parent: Credentials, wanted: string): Promise<{found?: ChildAccount; kept?: ProfileAccount}> {
  if (namesParent(wanted)) return {}
  const found = await findChildAccount(parent, wanted)
  return {found, kept: {account_id: found.account_id, name: found.name}}
}
