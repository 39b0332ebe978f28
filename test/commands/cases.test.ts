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

describe('duo case offboard (built CLI, sandbox)', function () {
  this.timeout(90_000)
  const duo = sandboxSession()
  const run = caseRunner(duo)

  it('prints the plan with --dry-run, each step with its call, and changes nothing', async () => {
    const before = await duo.json<User>(['users', 'get', 'carol'])
    const {code, stdout} = await run(['case', 'offboard', 'carol', '--dry-run'])
    expect(code).to.equal(0)
    expect(stdout).to.contain('Plan: offboard for carol').and.contain('Disable carol').and.contain('Remove carol from group Helpdesk')
    expect(stdout).to.match(/disassociateusergroup: DELETE \/admin\/v1\/users\/DU\w+\/groups\/DG\w+/)
    const plan = parsed(await run(['case', 'offboard', 'carol', '--dry-run', '--json']))
    expect(plan.dryRun).to.equal(true)
    expect(plan.steps.map((s) => s.operation)).to.deep.equal(['updateuser', 'disassociateusergroup', 'disassociateusergroup', 'disassociateuserphone'])
    expect(plan.steps.every((s) => s.status === 'planned')).to.equal(true)
    expect(await duo.json<User>(['users', 'get', 'carol'])).to.deep.equal(before)
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

describe('duo case verify when the person denies', function () {
  this.timeout(60_000)
  const duo = sandboxSession({pushAnswer: 'deny', pushDelayMs: 50})

  it('exits 1 with the answer in the JSON', async () => {
    const result = await duo.run(['case', 'verify', 'alice', '--yes', '--json', '--poll-ms', '50'])
    expect(result.code).to.equal(1)
    expect(JSON.parse(result.stdout).result).to.equal('deny')
  })
})
