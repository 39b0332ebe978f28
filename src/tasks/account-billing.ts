// What each MSP child account is on and has left: its edition and telephony credits, read on the
// child's host with the parent's keys (duo_client_python's AccountAdmin, and its Accounts example
// that walks every child, reporting a child that refuses instead of stopping there).
import type {ChildAccount, Credentials, DuoCaller} from '../core/calls.js'
import {call} from '../core/call.js'
import {EDITIONS} from '../core/catalog/billing.js'
import {DuoApiError} from '../core/errors.js'
import {type ClientOptions, DuoClient} from '../transport/client.js'

export interface AccountBilling {
  account_id: string
  name: string
  /** Duo's code: ENTERPRISE, PLATFORM, BEYOND or PERSONAL; null when the child refused. */
  edition: null | string
  /** The plan's name in the Admin Panel (Duo Essentials …). */
  plan: null | string
  telephony_credits: null | number
  /** Duo's refusal for this child (e.g. 403 when the parent has no billing access). */
  error?: string
}

/** Children read at once: enough to overlap round trips, few enough to stay far from rate limits. */
const AT_ONCE = 4

/** One child's billing, through a client made for that child. */
export async function readBilling(child: DuoCaller, account: ChildAccount): Promise<AccountBilling> {
  const base = {account_id: account.account_id, name: account.name}
  try {
    const [edition, credits] = await Promise.all([
      call<{edition: string}>(child, 'getbillingedition'),
      call<{credits: number}>(child, 'gettelephonycredits'),
    ])
    const code = edition.response.edition
    const plan = Object.hasOwn(EDITIONS, code) ? EDITIONS[code as keyof typeof EDITIONS] : null
    return {...base, edition: code, plan, telephony_credits: credits.response.credits}
  } catch (error) {
    // A refusal is this child's answer; anything else (the network) stops the whole report.
    if (!(error instanceof DuoApiError)) throw error
    return {...base, edition: null, error: error.message, plan: null, telephony_credits: null}
  }
}

/** Every child's billing: the parent lists its children, then each is read on its own host. */
export async function childrenBilling(parent: Credentials, options: Omit<ClientOptions, 'credentials'> = {}): Promise<AccountBilling[]> {
  const {account: _child, ...keys} = parent
  const lister = new DuoClient({...options, credentials: keys})
  let children: ChildAccount[]
  try {
    children = (await call<ChildAccount[]>(lister, 'listaccounts')).response
  } finally {
    lister.close()
  }

  const rows: AccountBilling[] = []
  for (let i = 0; i < children.length; i += AT_ONCE) {
    rows.push(
      ...(await Promise.all(
        children.slice(i, i + AT_ONCE).map(async (account) => {
          const client = new DuoClient({...options, credentials: {...keys, account}})
          try {
            return await readBilling(client, account)
          } finally {
            client.close()
          }
        }),
      )),
    )
  }

  return rows
}
