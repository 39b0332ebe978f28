// MSP child accounts, as duo_client_python reaches them (Admin.account_id, AccountAdmin): the parent's
// Accounts API lists its children, and an Admin API call for a child goes to the child's api_hostname,
// signed with the parent's keys, with account_id=<child id> added to its parameters. The transport
// does the adding (one place for every surface); this module finds the child a person names.
import type {ChildAccount, DuoCaller, RequestParams} from './calls.js'
import {call} from './call.js'
import {NotFoundError, UsageError} from './errors.js'

/** What `--account none` (or DUO_ACCOUNT=none) means: the parent account itself, not a child. */
export const PARENT_ACCOUNT = 'none'

/** The Accounts API's own calls: sent to the parent's host and never given an account_id. */
export function isAccountsApiPath(path: string): boolean {
  return path.startsWith('/accounts/')
}

/** The parameters of an Admin API call made for `account`: account_id added, as duo_client_python adds it to every call. */
export function withAccountId(params: RequestParams, account: ChildAccount | undefined, path: string): RequestParams {
  return account && !isAccountsApiPath(path) ? {...params, account_id: account.account_id} : params
}

/** Lists the parent's child accounts and picks the one named (by account id, else by name). */
export async function resolveAccount(parent: DuoCaller, wanted: string): Promise<ChildAccount> {
  const {response} = await call<ChildAccount[]>(parent, 'listaccounts')
  return pickAccount(response, wanted)
}

/**
 * The account whose account_id is `wanted` exactly, else whose name is, compared case-insensitively
 * (names are what people type; ids are unambiguous). None is a not-found error, several a usage
 * error; both list what exists, so the next try can be right.
 */
export function pickAccount(accounts: readonly ChildAccount[], wanted: string): ChildAccount {
  const byId = accounts.find((account) => account.account_id === wanted)
  if (byId) return byId
  const lower = wanted.trim().toLowerCase()
  const byName = accounts.filter((account) => account.name.toLowerCase() === lower)
  if (byName.length === 1) return byName[0]
  if (byName.length > 1) {
    throw new UsageError(`"${wanted}" names ${byName.length} child accounts: ${describeAccounts(byName)}.`, 'Pass the account id instead.')
  }

  if (accounts.length === 0) throw new NotFoundError(`No child account "${wanted}": this account has no child accounts.`, 'Check that the keys are the MSP parent\'s Accounts API keys.')
  throw new NotFoundError(`No child account "${wanted}". Child accounts: ${describeAccounts(accounts)}.`, 'Pass one of these names or ids; `duo accounts list` shows them all.')
}

const LISTED = 10

/** "Acme (DA…), Globex (DA…)", the first ten then how many more. */
function describeAccounts(accounts: readonly ChildAccount[]): string {
  const shown = accounts.slice(0, LISTED).map((account) => `${account.name} (${account.account_id})`)
  return accounts.length > LISTED ? `${shown.join(', ')} and ${accounts.length - LISTED} more` : shown.join(', ')
}
