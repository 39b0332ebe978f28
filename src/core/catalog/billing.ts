// A child account's billing, read by its MSP parent (duo_client_python's AccountAdmin.get_edition and
// get_telephony_credits): Admin API paths, sent like every child call to the child's api_hostname
// with account_id. Duo's Accounts API docs list billing under the Accounts API; the paths here are
// the official client's (a Postman collection of Duo's uses /accounts/v1/billing/* instead).
import {PERMISSIONS, op, read} from './types.js'

/** Duo's edition codes and the plan names the Admin Panel shows (duo_client_python's Accounts examples). */
export const EDITIONS = {
  BEYOND: 'Duo Premier',
  ENTERPRISE: 'Duo Essentials',
  PERSONAL: 'Duo Free',
  PLATFORM: 'Duo Advantage',
} as const

export const billingOperations = [
  op({
    name: 'getbillingedition',
    method: 'GET',
    path: '/admin/v1/billing/edition',
    summary: 'Get child account edition',
    description:
      'A child account\'s Duo edition: ENTERPRISE (Duo Essentials), PLATFORM (Duo Advantage), BEYOND (Duo Premier) or PERSONAL (Duo Free). For a child account (--account): the parent\'s Accounts API application needs billing access, else 403.',
    hints: read,
    params: [],
    permission: PERMISSIONS.accounts,
    beyondCapability: true,
  }),
  op({
    name: 'gettelephonycredits',
    method: 'GET',
    path: '/admin/v1/billing/telephony_credits',
    summary: 'Get child account telephony credits',
    description: 'A child account\'s telephony credits (for SMS and phone calls). For a child account (--account), with billing access as for its edition.',
    hints: read,
    params: [],
    permission: PERMISSIONS.accounts,
    beyondCapability: true,
  }),
] as const
