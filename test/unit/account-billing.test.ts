// A child that refuses its billing (403 when the parent lacks billing access, as duo_client_python's
// Accounts example expects) is a row with the refusal, not the end of the report.
import {expect} from 'chai'

import type {DuoCaller, DuoEnvelope} from '../../src/core/calls.js'
import {DuoApiError, NetworkError} from '../../src/core/errors.js'
import {readBilling} from '../../src/tasks/account-billing.js'

const account = {account_id: 'DA9VZOC5X63I2W72NRP9', api_hostname: 'api-12345678.duosecurity.com', name: 'Acme Dental'}

/** Answers each path from `answers`, or throws what it holds. */
function caller(answers: Record<string, Error | unknown>): DuoCaller {
  return {
    pages: () => {
      throw new Error('not paged')
    },
    async request<T>(_method: string, path: string): Promise<DuoEnvelope<T>> {
      const answer = answers[path]
      if (answer instanceof Error) throw answer
      return {response: answer as T, stat: 'OK'}
    },
    requestText: () => {
      throw new Error('not used')
    },
  }
}

describe('readBilling', () => {
  it('reads the edition, its plan name and the credits', async () => {
    const row = await readBilling(caller({'/admin/v1/billing/edition': {edition: 'BEYOND'}, '/admin/v1/billing/telephony_credits': {credits: 42}}), account)
    expect(row).to.deep.equal({account_id: account.account_id, edition: 'BEYOND', name: 'Acme Dental', plan: 'Duo Premier', telephony_credits: 42})
  })

  it('a refusal becomes the row\'s error', async () => {
    const refused = new DuoApiError(403, 40_301, 'Access forbidden')
    const row = await readBilling(caller({'/admin/v1/billing/edition': refused, '/admin/v1/billing/telephony_credits': {credits: 1}}), account)
    expect(row).to.deep.equal({account_id: account.account_id, edition: null, error: 'Access forbidden (40301)', name: 'Acme Dental', plan: null, telephony_credits: null})
  })

  it('a network failure is not a child\'s answer: it stops the report', async () => {
    const down = new NetworkError('connect ECONNREFUSED')
    const reading = readBilling(caller({'/admin/v1/billing/edition': down, '/admin/v1/billing/telephony_credits': {credits: 1}}), account)
    await reading.then(
      () => expect.fail('expected a rejection'),
      (error) => expect(error).to.equal(down),
    )
  })
})
