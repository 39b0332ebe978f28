// The Accounts API of an MSP parent account (Duo Accounts API docs; duo_client_python's
// duo_client/accounts.py): its child accounts. These calls go to the parent's own API host, signed
// with its Accounts API keys, and never carry the account_id that child-account calls do.
import {PERMISSIONS, op, read} from './types.js'

export const accountsOperations = [
  op({
    name: 'listaccounts',
    // duo_client_python's get_child_accounts: a POST with no parameters.
    method: 'POST',
    path: '/accounts/v1/account/list',
    summary: 'List child accounts',
    description:
      'The child accounts of this MSP parent account: name, account_id and api_hostname (the host their Admin API calls go to, with account_id). Needs an Accounts API application.',
    hints: read,
    params: [],
    permission: PERMISSIONS.accounts,
    beyondCapability: true,
  }),
] as const
