// The sandbox as an MSP parent account (Duo Accounts API docs): its integration is also granted the
// Accounts API, and it holds two child accounts, each a tenant of its own (own users and groups)
// served on its own loopback listener, the child's api_hostname. A child's host answers only what
// duo_client_python's AccountAdmin sends: the parent's keys, and account_id=<that child's id>.
import type {ChildAccount} from '../core/calls.js'
import {PERMISSIONS} from '../core/catalog/index.js'
import {isAccountsApiPath} from '../core/child-accounts.js'
import {ApiFailure, notFound} from './envelope.js'
import {duoId, seededRandom} from './ids.js'
import type {ChildAccountRecord, ChildBilling} from './records.js'
import {baseUser, group} from './seed-data.js'

const CHILD_SEED = 0x00_c4_11_d0
/** 2024-03-01T00:00:00Z: fixed, so the children are the same on every start. */
const CHILD_EPOCH = 1_709_251_200

interface ChildSpec {
  name: string
  billing: ChildBilling
  group: [name: string, desc: string]
  users: Array<[username: string, first: string, last: string]>
}

/** Distinct names and users, so a test (or a person) can tell which tenant answered. */
const CHILDREN: ChildSpec[] = [
  {
    billing: {edition: 'PLATFORM', telephony_credits: 500},
    group: ['Front Desk', 'Reception and scheduling'],
    name: 'Acme Dental',
    users: [
      ['amelia', 'Amelia', 'Clarke'],
      ['arjun', 'Arjun', 'Patel'],
    ],
  },
  {
    billing: {edition: 'ENTERPRISE', telephony_credits: 1200},
    group: ['Drivers', 'Delivery drivers'],
    name: 'Globex Logistics',
    users: [
      ['gus', 'Gus', 'Ortega'],
      ['gwen', 'Gwen', 'Tanaka'],
      ['hank', 'Hank', 'Olsen'],
    ],
  },
]

export function seedChildren(): ChildAccountRecord[] {
  const random = seededRandom(CHILD_SEED)
  return CHILDREN.map((spec) => {
    const account_id = duoId('DA', random)
    const team = group(random, ...spec.group)
    const users = spec.users.map(([username, first, last], i) => ({
      ...baseUser(random, username, first, last, CHILD_EPOCH + i * 86_400),
      group_ids: [team.group_id],
    }))
    return {account_id, billing: spec.billing, name: spec.name, tenant: {directories: [], groups: [team], phones: [], pushes: [], tokens: [], users}}
  })
}

/** A child account created by the Accounts API: a new id and an empty tenant. */
export function newChild(name: string): ChildAccountRecord {
  return {account_id: duoId('DA'), billing: NEW_CHILD_BILLING, name, tenant: {directories: [], groups: [], phones: [], pushes: [], tokens: [], users: []}}
}

/** A new child's billing (and an older state file's children's): Duo's defaults are unconfirmed. */
export const NEW_CHILD_BILLING: ChildBilling = {edition: 'ENTERPRISE', telephony_credits: 0}

/** The Accounts API's answer: each child with the host its Admin API calls go to. */
export function accountListing(children: ReadonlyArray<Pick<ChildAccountRecord, 'account_id' | 'name'>>, hostOf: (accountId: string) => string): ChildAccount[] {
  return children.map((child) => ({account_id: child.account_id, api_hostname: hostOf(child.account_id), name: child.name}))
}

/**
 * Throws what a child's host answers to a call it does not take (after the parent's signature was
 * verified). Duo's exact answer to a missing or wrong account_id is unconfirmed: 403 / 40301 "Access
 * forbidden" follows duo_client_python's Accounts examples, which read "Received 403 Access forbidden"
 * as the child refusing the parent. The Accounts API itself is the parent host's alone.
 */
export function checkChildCall(path: string, input: Record<string, unknown>, child: Pick<ChildAccountRecord, 'account_id'>, accountsGranted: boolean): void {
  if (isAccountsApiPath(path)) throw notFound(`${path} (the Accounts API is served by the parent account's host)`)
  if (!accountsGranted) throw new ApiFailure(403, 40_301, 'Access forbidden', `the integration lacks the "${PERMISSIONS.accounts}" permission`)
  const given = input.account_id
  if (given === undefined || given === '') {
    throw new ApiFailure(403, 40_301, 'Access forbidden', `this is the host of child account ${child.account_id}: send account_id=${child.account_id}`)
  }

  if (given !== child.account_id) throw new ApiFailure(403, 40_301, 'Access forbidden', `account_id ${String(given)} is not served by this host`)
}
