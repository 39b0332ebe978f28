import {expect} from 'chai'

import {sandboxSession} from '../helpers/sandbox-session.js'

type Row = Record<string, unknown>

// --poll-ms keeps the tests fast; people get the 2-second default.
const WAIT = ['--wait', '--poll-ms', '100', '--yes']

describe('duo users verify-push (built CLI, sandbox)', function () {
  // Each test runs the CLI several times; a busy machine makes that slow.
  this.timeout(90_000)
  describe('when the person approves', () => {
    const duo = sandboxSession({pushAnswer: 'approve', pushDelayMs: 300})

    it('refuses to push without --yes when there is no terminal, before any request', async () => {
      const before = duo.sandbox.requestCount()
      const refused = await duo.run(['users', 'verify-push', 'send', 'alice', '--wait'])
      expect(refused.code).to.equal(2)
      expect(refused.stderr).to.contain('Send a verification Duo Push to alice?').and.contain('--yes')
      expect(duo.sandbox.requestCount()).to.equal(before)
    })

    it('sends to the only push phone, prints the confirmation code, waits and exits 0 on approve', async () => {
      const [phone] = await duo.json<Row[]>(['users', 'phones', 'list', 'alice'])
      const sent = await duo.run(['users', 'verify-push', 'send', 'alice', ...WAIT])
      expect(sent.code, sent.stderr).to.equal(0)
      const code = /^confirmation_code\s+(\d{6})$/m.exec(sent.stdout)?.[1]
      expect(code, sent.stdout).to.be.a('string')
      expect(sent.stdout).to.match(new RegExp(`^phone_id\\s+${phone.phone_id}$`, 'm')).and.match(/^result\s+approve$/m)
      expect(sent.stderr).to.contain(`confirmation code ${code}`).and.contain('alice approved the push.')

      const json = await duo.json<Row>(['users', 'verify-push', 'send', 'alice', ...WAIT])
      expect(json).to.include({phone_id: phone.phone_id, result: 'approve'})
      expect(json.confirmation_code).to.match(/^\d{6}$/)
    })

    it('sends without waiting, and `result` reads the answer once', async () => {
      const sent = await duo.json<Row>(['users', 'verify-push', 'send', 'bob', '--yes'])
      expect(sent).to.have.keys('confirmation_code', 'phone_id', 'push_id', 'user_id')
      await new Promise((resolve) => setTimeout(resolve, 350))
      const [json, human] = await Promise.all([
        duo.json<Row>(['users', 'verify-push', 'result', 'bob', String(sent.push_id)]),
        duo.run(['users', 'verify-push', 'result', String(sent.user_id), String(sent.push_id)]),
      ])
      expect(json).to.deep.equal({push_id: sent.push_id, result: 'approve'})
      expect(human.stdout).to.match(/^result\s+approve$/m)
      const unknown = await duo.run(['users', 'verify-push', 'result', 'bob', 'no-such-push'])
      expect(unknown.code).to.equal(4)
    })

    it('asks which phone when there are several (exit 2 listing them without a terminal), or takes --phone', async () => {
      const [bobPhone] = await duo.json<Row[]>(['users', 'phones', 'list', 'bob'])
      await duo.json(['users', 'phones', 'add', 'carol', String(bobPhone.phone_id)])
      const [carolPhone] = (await duo.json<Row[]>(['users', 'phones', 'list', 'carol'])).filter((p) => p.phone_id !== bobPhone.phone_id)

      const before = duo.sandbox.requestCount()
      const ambiguous = await duo.run(['users', 'verify-push', 'send', 'carol', '--yes'])
      expect(ambiguous.code).to.equal(2)
      expect(ambiguous.stderr).to.contain('carol has 2 phones that can receive Duo Push').and.contain(String(bobPhone.phone_id)).and.contain(String(carolPhone.phone_id))
      // Only the lookups were sent (the user, then the user's phones): no push.
      expect(duo.sandbox.requestCount() - before).to.equal(2)

      const chosen = await duo.json<Row>(['users', 'verify-push', 'send', 'carol', '--phone', String(bobPhone.phone_id), '--yes'])
      expect(chosen).to.include({phone_id: bobPhone.phone_id})

      const none = await duo.run(['users', 'verify-push', 'send', 'erin', '--yes'])
      expect(none.code).to.equal(2)
      expect(none.stderr).to.contain('erin has no phone that can receive Duo Push')
    })
  })

  describe('when the person denies', () => {
    const duo = sandboxSession({pushAnswer: 'deny', pushDelayMs: 300})

    it('prints deny and exits 1, with the outcome on stdout in --json mode too', async () => {
      const human = await duo.run(['users', 'verify-push', 'send', 'alice', ...WAIT])
      expect(human.code).to.equal(1)
      expect(human.stdout).to.match(/^result\s+deny$/m)
      expect(human.stderr).to.contain('alice denied the push.')

      const json = await duo.run(['users', 'verify-push', 'send', 'alice', ...WAIT, '--json'])
      expect(json.code).to.equal(1)
      expect(JSON.parse(json.stdout)).to.include({result: 'deny'})
    })
  })

  describe('when nobody answers', () => {
    const duo = sandboxSession({pushAnswer: 'waiting', pushDelayMs: 0})

    it('reads "waiting" until the person answers', async () => {
      const sent = await duo.json<Row>(['users', 'verify-push', 'send', 'alice', '--yes'])
      expect(await duo.json(['users', 'verify-push', 'result', 'alice', String(sent.push_id)])).to.include({result: 'waiting'})
    })

    it('gives up after --timeout and exits 1 with "timeout"', async () => {
      const started = Date.now()
      const result = await duo.run(['users', 'verify-push', 'send', 'alice', ...WAIT, '--timeout', '1', '--json'])
      expect(result.code).to.equal(1)
      expect(JSON.parse(result.stdout)).to.include({result: 'timeout'})
      expect(Date.now() - started).to.be.greaterThan(1000)

      const tooLong = await duo.run(['users', 'verify-push', 'send', 'alice', '--wait', '--timeout', '121', '--yes'])
      expect(tooLong.code).to.equal(2)
    })
  })
})
