import {expect} from 'chai'

import {type CliResult, runCli, tempConfigDir} from '../helpers/cli.js'
import {type SandboxSession, sandboxSession} from '../helpers/sandbox-session.js'

type Row = Record<string, unknown>
interface User extends Row {
  user_id: string
  status: string
  notes: string
  groups: Row[]
  phones: Row[]
  tokens: Row[]
}
interface Report {
  case: string
  dryRun: boolean
  steps: Array<{id: string; operation: string; status: string; title: string}>
  notes: string[]
}

/** The CLI against the session's sandbox, with a config folder kept between runs (the case journal lives there). */
function caseRunner(duo: SandboxSession) {
  const configDir = tempConfigDir()
  return (args: string[]): Promise<CliResult> => {
    const {ikey, skey, url} = duo.sandbox
    return runCli(args, {configDir, env: {DUO_HOST: url, DUO_IKEY: ikey, DUO_SKEY: skey}})
  }
}

const parsed = (result: CliResult) => JSON.parse(result.stdout) as Report

/** A log read with --all --json: NDJSON, one event a line (nothing at all when empty). */
async function logLines(duo: SandboxSession, args: string[]): Promise<Row[]> {
  const {code, stderr, stdout} = await duo.run(['logs', ...args, '--all', '--json', '--lag', '0s', '--since', '1h'])
  expect(code, stderr).to.equal(0)
  return stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row)
}

describe('duo case offboard (built CLI, sandbox)', function () {
  this.timeout(90_000)
  const duo = sandboxSession()
  const run = caseRunner(duo)

  it('prints the plan with --dry-run, each step with its call, and changes nothing', async () => {
    const before = await duo.json<User>(['users', 'get', 'carol'])
    const adminLog = () => logLines(duo, ['admin'])
    const logBefore = await adminLog()
    const {code, stdout} = await run(['case', 'offboard', 'carol', '--dry-run'])
    expect(code).to.equal(0)
    expect(stdout).to.contain('Plan: offboard for carol').and.contain('Disable carol').and.contain('Remove carol from group Helpdesk')
    expect(stdout).to.match(/disassociateusergroup: DELETE \/admin\/v1\/users\/DU\w+\/groups\/DG\w+/)
    const plan = parsed(await run(['case', 'offboard', 'carol', '--dry-run', '--json']))
    expect(plan.dryRun).to.equal(true)
    expect(plan.steps.map((s) => s.operation)).to.deep.equal(['updateuser', 'disassociateusergroup', 'disassociateusergroup', 'disassociateuserphone'])
    expect(plan.steps.every((s) => s.status === 'planned')).to.equal(true)
    expect(await duo.json<User>(['users', 'get', 'carol'])).to.deep.equal(before)
    expect(await adminLog()).to.deep.equal(logBefore)
  })

  it('also deletes the user\'s bypass codes, and the administrator log records each change', async () => {
    const codes = await duo.json<Row[]>(['users', 'bypass-codes', 'list', 'erin'])
    expect(codes).to.have.length(2)
    const report = parsed(await run(['case', 'offboard', 'erin', '--yes', '--json']))
    expect(report.steps.filter((s) => s.operation === 'deletebypasscode').map((s) => s.status)).to.deep.equal(['done', 'done'])
    expect(await duo.json<Row[]>(['users', 'bypass-codes', 'list', 'erin'])).to.deep.equal([])
    const logged = await logLines(duo, ['admin', '--object', 'erin'])
    expect(logged.length).to.be.greaterThan(0)
  })

  it('refuses without a terminal and without --yes (exit 2), sending nothing', async () => {
    const {code, stderr} = await run(['case', 'offboard', 'carol'])
    expect(code).to.equal(2)
    expect(stderr).to.contain('Pass --yes')
    expect((await duo.json<User>(['users', 'get', 'carol'])).status).to.equal('active')
  })

  it('disables, removes every group and detaches every phone; a re-run finds nothing left to do', async () => {
    const report = parsed(await run(['case', 'offboard', 'carol', '--yes', '--json', '--note', 'leaver, ticket 4711']))
    expect(report.steps.map((s) => s.status)).to.deep.equal(['done', 'done', 'done', 'done', 'done'])
    const carol = await duo.json<User>(['users', 'get', 'carol'])
    expect(carol.status).to.equal('disabled')
    expect([carol.groups, carol.phones]).to.deep.equal([[], []])
    expect(carol.notes).to.match(/^\d{4}-\d\d-\d\d offboard: leaver, ticket 4711$/m)

    const again = parsed(await run(['case', 'offboard', 'carol', '--yes', '--json', '--note', 'leaver, ticket 4711']))
    expect(again.steps.map((s) => s.status)).to.deep.equal(['already done', 'already done'])
  })

  it('with --trash also sends the user to the Trash', async () => {
    const {code} = await run(['case', 'offboard', 'heidi', '--trash', '--yes'])
    expect(code).to.equal(0)
    expect((await duo.json<User>(['users', 'get', 'heidi'])).status).to.equal('pending deletion')
  })
})

describe('duo case offboard: a step fails midway', function () {
  this.timeout(90_000)
  // Detaching bob's phone fails on every try of the first run (a DELETE is retried twice on a 500).
  const duo = sandboxSession({failCalls: {disassociateuserphone: [1, 2, 3]}})
  const run = caseRunner(duo)

  it('stops at the failed step, says what was done and what was not, and a re-run completes it', async () => {
    const failed = await run(['case', 'offboard', 'bob', '--yes'])
    expect(failed.code).to.equal(1)
    expect(failed.stdout).to.contain('✓ Disable bob').and.contain('✓ Remove bob from group Engineering').and.contain('✗ Detach phone')
    expect(failed.stderr).to.match(/offboard stopped at "Detach phone [^"]+": .+\. 2 steps done, 1 not\./)
    const halfway = await duo.json<User>(['users', 'get', 'bob'])
    expect([halfway.status, halfway.groups.length, halfway.phones.length]).to.deep.equal(['disabled', 0, 1])

    const resumed = parsed(await run(['case', 'offboard', 'bob', '--yes', '--json']))
    expect(resumed.steps.map((s) => [s.operation, s.status])).to.deep.equal([['updateuser', 'already done'], ['disassociateuserphone', 'done']])
    expect((await duo.json<User>(['users', 'get', 'bob'])).phones).to.deep.equal([])
  })
})

describe('duo case unlock, new-hire and verify (built CLI, sandbox)', function () {
  this.timeout(90_000)
  const duo = sandboxSession({pushDelayMs: 100})
  const run = caseRunner(duo)

  it('unlock sets a locked-out user back to active, and a re-run finds nothing to do', async () => {
    expect((await duo.json<User>(['users', 'get', 'oscar'])).status).to.equal('locked out')
    const unlocked = parsed(await run(['case', 'unlock', 'oscar', '--json', '--note', 'ticket 99']))
    expect(unlocked.steps.map((s) => [s.operation, s.status])).to.deep.equal([['updateuser', 'done'], ['updateuser', 'done']])
    expect((await duo.json<User>(['users', 'get', 'oscar'])).status).to.equal('active')
    expect(parsed(await run(['case', 'unlock', 'oscar', '--json'])).steps.map((s) => s.status)).to.deep.equal(['already done'])
  })

  it('unlock leaves an active user alone and refuses a disabled one with the command that enables them', async () => {
    const active = parsed(await run(['case', 'unlock', 'alice', '--json']))
    expect(active.steps.map((s) => s.status)).to.deep.equal(['already done'])
    const disabled = await run(['case', 'unlock', 'grace'])
    expect(disabled.code).to.equal(2)
    expect(disabled.stderr).to.contain('grace is not locked out: their status is "disabled"').and.contain('duo users update grace --status active')
  })

  it('new-hire creates the user, adds the groups and sends the enrollment e-mail once, even when run again', async () => {
    const args = ['case', 'new-hire', '--username', 'dana', '--email', 'dana@example.com', '--realname', 'Dana Lee', '--group', 'Engineering', '--group', 'helpdesk', '--enroll', '--yes', '--json']
    const first = parsed(await run(args))
    expect(first.steps.map((s) => [s.operation, s.status])).to.deep.equal([
      ['createuser', 'done'],
      ['associateusergroup', 'done'],
      ['associateusergroup', 'done'],
      ['enrolluser', 'done'],
    ])
    const dana = await duo.json<User>(['users', 'get', 'dana'])
    expect(dana.realname).to.equal('Dana Lee')
    expect(dana.groups.map((g) => g.name)).to.deep.equal(['Engineering', 'Helpdesk'])

    const again = parsed(await run(args))
    expect(again.steps.map((s) => s.status)).to.deep.equal(['already done', 'already done', 'already done', 'done earlier'])
    const dry = await run(['case', 'new-hire', '--username', 'dana', '--email', 'dana@example.com', '--enroll', '--dry-run'])
    expect(dry.stdout).to.match(/E-mail dana@example.com a Duo enrollment link {2}\(done earlier, \d{4}-\d\d-\d\dT[\d:.]+Z; --fresh to repeat\)/)
  })

  it('verify pushes to the user\'s phone, prints the confirmation code and exits 0 on approval', async () => {
    const {code, stdout} = await run(['case', 'verify', 'alice', '--yes', '--poll-ms', '50'])
    expect(code).to.equal(0)
    expect(stdout).to.match(/^Confirmation code: \d{6}$/m).and.match(/^Result: approve$/m)
  })
})

describe('duo case lost-phone and contractor (built CLI, sandbox)', function () {
  this.timeout(90_000)
  const duo = sandboxSession()
  const run = caseRunner(duo)

  it('lost-phone detaches the old phone, creates and attaches the new one, texts its activation and bridges with codes; a re-run sends nothing again', async () => {
    const [oldPhone] = (await duo.json<User>(['users', 'get', 'alice'])).phones as Array<{number: string; phone_id: string}>
    const args = ['case', 'lost-phone', 'alice', '--number', '+15557770001', '--platform', 'apple ios', '--bypass-codes', '2', '--valid-secs', '1d', '--yes']
    const first = await run([...args, '--json'])
    expect(first.code, first.stderr).to.equal(0)
    expect(parsed(first).steps.map((s) => [s.operation, s.status])).to.deep.equal([
      ['disassociateuserphone', 'done'],
      ['createphone', 'done'],
      ['associateuserphone', 'done'],
      ['sendphonesmsactivation', 'done'],
      ['createuserbypasscodes', 'done'],
    ])
    const alice = await duo.json<User>(['users', 'get', 'alice'])
    expect(alice.phones.map((p) => p.number)).to.deep.equal(['+15557770001'])
    const codes = await duo.json<Array<{expiration: number}>>(['users', 'bypass-codes', 'list', 'alice'])
    expect(codes).to.have.length(2)
    expect(codes[0].expiration - Date.now() / 1000).to.be.within(86_400 - 120, 86_400 + 5)
    // With the install link, Duo sends two texts: the app's installation link, then the activation.
    const texts = (await logLines(duo, ['telephony'])).filter((t) => t.phone === '+15557770001' && t.type === 'sms')
    expect(texts).to.have.length(2)

    const again = parsed(await run([...args, '--json']))
    expect(again.steps.map((s) => s.status)).to.deep.equal(['already done', 'already done', 'done earlier', 'done earlier'])
    expect(await duo.json<Row[]>(['users', 'bypass-codes', 'list', 'alice'])).to.have.length(2)
    const textsAgain = await logLines(duo, ['telephony'])
    expect(textsAgain.filter((t) => t.phone === '+15557770001')).to.have.length(texts.length)
    expect((await duo.json<Row>(['phones', 'get', oldPhone.phone_id])).phone_id).to.equal(oldPhone.phone_id)
  })

  it('lost-phone without a platform for a new number is a usage error on a script, before any change', async () => {
    const {code, stderr} = await run(['case', 'lost-phone', 'bob', '--number', '+15557770002', '--yes'])
    expect(code).to.equal(2)
    expect(stderr).to.contain('--platform')
    expect((await duo.json<User>(['users', 'get', 'bob'])).phones).to.have.length(1)
  })

  it('contractor adds the group, issues expiring codes, notes until when, and says when to remove the group', async () => {
    const result = await run(['case', 'contractor', 'bob', '--group', 'Contractors', '--valid-secs', '7d', '--codes', '3', '--yes'])
    expect(result.code, result.stderr).to.equal(0)
    const until = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)
    expect(result.stderr).to.contain(`on ${until}, remove bob from Contractors`)
    expect(result.stdout.match(/^ {4}\d{9}$/gm)).to.have.length(3)
    const bob = await duo.json<User>(['users', 'get', 'bob'])
    expect(bob.groups.map((g) => g.name)).to.include('Contractors')
    expect(bob.notes).to.contain(`contractor: access until ${until}; remove from group Contractors then`)
    const codes = await duo.json<Array<{expiration: number}>>(['users', 'bypass-codes', 'list', 'bob'])
    expect(codes).to.have.length(3)
  })
})

describe('duo case verify when the person denies', function () {
  this.timeout(60_000)
  const duo = sandboxSession({pushAnswer: 'deny', pushDelayMs: 50})

  it('exits 1 with the answer in the JSON', async () => {
    const result = await duo.run(['case', 'verify', 'alice', '--yes', '--json', '--poll-ms', '50'])
    expect(result.code).to.equal(1)
    expect(JSON.parse(result.stdout).result).to.equal('deny')
  })
})
