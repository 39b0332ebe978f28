// The Accounts API of an MSP parent account (Duo Accounts API docs; duo_client_python's
// duo_client/accounts.py): its child accounts. These calls go to the parent's own API host, signed
// with its Accounts API keys, and never carry the account_id that child-account calls do.
import {PERMISSIONS, op, read, remove, write} from './types.js'

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
  op({
    name: 'createaccount',
    method: 'POST',
    path: '/accounts/v1/account/create',
    summary: 'Create child account',
    description: 'Creates a child account of this MSP parent account; returns it with its account_id and api_hostname.',
    hints: write,
    params: [{description: 'The new child account\'s name', name: 'name', required: true, type: 'string'}],
    permission: PERMISSIONS.accounts,
    beyondCapability: true,
  }),
  op({
    name: 'deleteaccount',
    method: 'POST',
    path: '/accounts/v1/account/delete',
    summary: 'Delete child account',
    description: 'Deletes a child account of this MSP parent account, with everything in it (users, devices, applications). It cannot be undone.',
    hints: remove,
    params: [{description: 'The child account\'s id (20 characters, DA…)', name: 'account_id', required: true, type: 'string'}],
    permission: PERMISSIONS.accounts,
    beyondCapability: true,
  }),
] as const
