import {expect} from 'chai'

import {sandboxSession} from '../helpers/sandbox-session.js'

describe('--valid-secs takes a time span on every command (built CLI, sandbox)', function () {
  this.timeout(60_000)
  const duo = sandboxSession()

  it('users enroll sends the span in seconds; a bad span exits 2 and sends nothing', async () => {
    const enrolled = await duo.json<{valid_secs: number}>(['users', 'enroll', '--username', 'span', '--email', 'span@example.com', '--valid-secs', '30d', '--yes'])
    expect(enrolled.valid_secs).to.equal(30 * 86_400)
    const before = duo.sandbox.requestCount()
    const [fraction, negative, help] = await Promise.all([
      duo.run(['users', 'enroll', '--username', 'span2', '--email', 'span2@example.com', '--valid-secs', '1.5h', '--yes']),
      duo.run(['users', 'enroll', '--username', 'span2', '--email', 'span2@example.com', '--valid-secs', '-1', '--yes']),
      duo.run(['users', 'enroll', '--help']),
    ])
    expect(fraction.code).to.equal(2)
    expect(fraction.stderr).to.contain('--valid-secs "1.5h" is not a time span')
    // 0 is Duo's "never expires"; a negative span is not a span at all.
    expect(negative.code).to.equal(2)
    expect(negative.stderr).to.contain('--valid-secs "-1" is not a time span')
    expect(duo.sandbox.requestCount()).to.equal(before)
    expect(help.stdout).to.contain('--valid-secs=<span>').and.match(/90s,\s+15m,\s+12h,\s+7d/)
  })

  it('users bypass-codes create takes 0 (never expires) or a span', async () => {
    expect(await duo.json<string[]>(['users', 'bypass-codes', 'create', 'heidi', '--count', '1', '--valid-secs', '0', '--yes'])).to.have.length(1)
    const [never] = await duo.json<Array<{expiration: null | number}>>(['users', 'bypass-codes', 'list', 'heidi'])
    expect(never.expiration).to.equal(null)
    await duo.json(['users', 'bypass-codes', 'create', 'heidi', '--count', '1', '--valid-secs', '12h', '--yes'])
    const [code] = await duo.json<Array<{created: number; expiration: number}>>(['users', 'bypass-codes', 'list', 'heidi'])
    expect(code.expiration - code.created).to.equal(12 * 3600)
  })
})
