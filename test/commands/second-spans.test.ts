// Every flag that takes seconds takes a time span (90, 90s, 2m …), as --valid-secs does: the push
// timeouts of users verify-push send and case verify, serve's --retry-budget and --session-idle, and
// a phone's --predelay/--postdelay. Out of bounds or not a span: exit 2, one line, nothing sent.
import {expect} from 'chai'

import {sandboxSession} from '../helpers/sandbox-session.js'

type Row = Record<string, unknown>

describe('flags that take seconds take a time span (built CLI, sandbox)', function () {
  this.timeout(90_000)
  const duo = sandboxSession({pushAnswer: 'waiting', pushDelayMs: 0})

  it('verify-push send --timeout 1s waits one second, then reports the timeout', async () => {
    const started = Date.now()
    const result = await duo.run(['users', 'verify-push', 'send', 'alice', '--wait', '--poll-ms', '100', '--yes', '--timeout', '1s', '--json'])
    expect(result.code, result.stderr).to.equal(1)
    expect(JSON.parse(result.stdout)).to.include({result: 'timeout'})
    expect(Date.now() - started).to.be.greaterThan(1000)
  })

  it('refuses a --timeout outside 1 s to 2 minutes, or that is not a span, before any request', async () => {
    const before = duo.sandbox.requestCount()
    const send = (timeout: string) => duo.run(['users', 'verify-push', 'send', 'alice', '--wait', '--yes', '--timeout', timeout])
    const [tooLong, zero, fraction, word, caseTooLong] = await Promise.all([
      send('3m'),
      send('0s'),
      send('1.5m'),
      send('soon'),
      duo.run(['case', 'verify', 'alice', '--yes', '--timeout', '121']),
    ])
    for (const refused of [tooLong, zero, fraction, word, caseTooLong]) expect(refused.code, refused.stderr).to.equal(2)
    expect(tooLong.stderr).to.contain('Error: --timeout must be at most 2 minutes (got 3m).\nHint: See `duo users verify-push send --help`.')
    expect(zero.stderr).to.contain('--timeout must be at least 1 second (got 0s).')
    expect(fraction.stderr).to.contain('--timeout "1.5m" is not a time span.').and.contain('90s, 15m, 12h, 7d')
    expect(word.stderr).to.contain('--timeout "soon" is not a time span.')
    expect(caseTooLong.stderr).to.contain('--timeout must be at most 2 minutes (got 121).')
    expect(duo.sandbox.requestCount(), 'nothing was sent').to.equal(before)
  })

  it('help shows <span> for each of them', async () => {
    const [send, verify, mcp, rest, phones] = await Promise.all([
      duo.run(['users', 'verify-push', 'send', '--help']),
      duo.run(['case', 'verify', '--help']),
      duo.run(['serve', 'mcp', '--help']),
      duo.run(['serve', 'rest', '--help']),
      duo.run(['phones', 'update', '--help']),
    ])
    expect(send.stdout).to.contain('--timeout=<span>')
    expect(verify.stdout).to.contain('--timeout=<span>')
    expect(mcp.stdout).to.contain('--session-idle=<span>').and.contain('--retry-budget=<span>')
    expect(rest.stdout).to.contain('--retry-budget=<span>')
    expect(phones.stdout).to.contain('--predelay=<span>').and.contain('--postdelay=<span>')
  })

  it('serve refuses a --session-idle or --retry-budget out of bounds (exit 2, nothing started)', async () => {
    const [idle, budget, restBudget] = await Promise.all([
      duo.run(['serve', 'mcp', '--session-idle', '5s', '--port', '0']),
      duo.run(['serve', 'mcp', '--retry-budget', '11m', '--port', '0']),
      duo.run(['serve', 'rest', '--retry-budget', 'later', '--port', '0']),
    ])
    expect(idle.code).to.equal(2)
    expect(idle.stderr).to.contain('--session-idle must be at least 10 seconds (got 5s).')
    expect(budget.code).to.equal(2)
    expect(budget.stderr).to.contain('--retry-budget must be at most 10 minutes (got 11m).')
    expect(restBudget.code).to.equal(2)
    expect(restBudget.stderr).to.contain('--retry-budget "later" is not a time span.')
  })

  it('phones update --predelay 1m sends 60 seconds', async () => {
    const phone = await duo.json<Row>(['phones', 'update', '+15550100002', '--predelay', '1m', '--postdelay', '5'])
    expect([String(phone.predelay), String(phone.postdelay)]).to.deep.equal(['60', '5'])
  })
})
