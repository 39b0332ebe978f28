// The account itself (Duo Admin API docs, "Account Info"): counts of what it holds.
import {PERMISSIONS, op, read} from './types.js'

export const accountOperations = [
  op({
    name: 'getinfosummary',
    method: 'GET',
    path: '/admin/v1/info/summary',
    summary: 'Get account summary',
    description:
      'Counts for the account: administrators, integrations, users, users in the Trash (pending deletion) and telephony credits remaining.',
    hints: read,
    params: [],
    permission: PERMISSIONS.info,
    beyondCapability: true,
  }),
] as const
