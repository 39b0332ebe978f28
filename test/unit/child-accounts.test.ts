// Which child account --account names: an exact account id first, else a name in any case; none or
// several is a clear error (not found: exit 4; ambiguous: exit 2) listing what exists.
import {expect} from 'chai'

import type {ChildAccount} from '../../src/core/calls.js'
import {pickAccount} from '../../src/core/child-accounts.js'
import {ExitCode, NotFoundError, UsageError} from '../../src/core/errors.js'

const account = (account_id: string, name: string): ChildAccount => ({account_id, api_hostname: `api-${account_id.slice(2, 10).toLowerCase()}.duosecurity.com`, name})
const acme = account('DA9VZOC5X63I2W72NRP9', 'Acme Dental')
const globex = account('DAJDTCJHZ0XQQHXL50RU', 'Globex')

describe('pickAccount', () => {
  it('matches an account id exactly, else a name case-insensitively', () => {
    expect(pickAccount([acme, globex], 'DAJDTCJHZ0XQQHXL50RU')).to.equal(globex)
    expect(pickAccount([acme, globex], 'acme DENTAL')).to.equal(acme)
  })

  it('prefers the account whose id it is over one named so', () => {
    const namedLikeAnId = account('DAZZZZZZZZZZZZZZZZZZ', 'DA9VZOC5X63I2W72NRP9')
    expect(pickAccount([namedLikeAnId, acme], 'DA9VZOC5X63I2W72NRP9')).to.equal(acme)
  })

  it('two accounts of that name: a usage error (exit 2) listing both, asking for the id', () => {
    const twin = account('DAAAAAAAAAAAAAAAAAA1', 'Acme Dental')
    const error = catching(() => pickAccount([acme, globex, twin], 'Acme Dental'))
    expect(error).to.be.instanceOf(UsageError)
    expect(error.exitCode).to.equal(ExitCode.usage)
    expect(error.message).to.equal('"Acme Dental" names 2 child accounts: Acme Dental (DA9VZOC5X63I2W72NRP9), Acme Dental (DAAAAAAAAAAAAAAAAAA1).')
    expect(error.hint).to.contain('account id')
  })

  it('no match: not found (exit 4), listing the first ten and how many more', () => {
    const many = Array.from({length: 12}, (_, i) => account(`DA${String(i).padStart(18, '0')}`, `Clinic ${i}`))
    const error = catching(() => pickAccount(many, 'Initech'))
    expect(error).to.be.instanceOf(NotFoundError)
    expect(error.exitCode).to.equal(ExitCode.notFound)
    expect(error.message).to.match(/^No child account "Initech"\. Child accounts: Clinic 0 \(DA0{18}\), .*Clinic 9 \(DA0{17}9\) and 2 more\.$/)
  })

  it('a parent without children says so', () => {
    expect(catching(() => pickAccount([], 'Acme')).message).to.equal('No child account "Acme": this account has no child accounts.')
  })
})

function catching(run: () => unknown): NotFoundError | UsageError {
  try {
    run()
  } catch (error) {
    return error as NotFoundError | UsageError
  }

  throw new Error('expected an error')
}
