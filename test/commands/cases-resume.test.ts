// Every case: --dry-run changes nothing (the sandbox's administrator log is the witness), and a case
// that fails midway says what was done, and completes when run again.
import {expect} from 'chai'

import {type CliResult, runCli, tempConfigDir} from '../helpers/cli.js'
import {type SandboxSession, sandboxSession} from '../helpers/sandbox-session.js'

type Row = Record<string, unknown>

function runner(duo: SandboxSession) {
  const configDir = tempConfigDir()
  return (args: string[]): Promise<CliResult> => {
    const {ikey, skey, url} = duo.sandbox
    return runCli(args, {configDir, env: {DUO_HOST: url, DUO_IKEY: ikey, DUO_SKEY: skey}})
  }
}

async function adminLog(duo: SandboxSession): Promise<Row[]> {
  const {code, stderr, stdout} = await duo.run(['logs', 'admin', '--all', '--json', '--lag', '0s', '--since', '1h'])
  expect(code, stderr).to.equal(0)
  return stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row)
}

const statuses = (result: CliResult) => (JSON.parse(result.stdout) as {steps: Array<{status: string}>}).steps.map((s) => s.status)

const CASES: Record<string, string[]> = {
  contractor: ['case', 'contractor', 'heidi', '--group', 'Engineering', '--valid-secs', '7d'],
  'lost-phone': ['case', 'lost-phone', 'carol', '--number', '+15558880001', '--platform', 'google android', '--bypass-codes', '2'],
  'new-hire': ['case', 'new-hire', '--username', 'nina', '--email', 'nina@example.com', '--group', 'Helpdesk', '--enroll'],
  offboard: ['case', 'offboard', 'dave', '--trash'],
  unlock: ['case', 'unlock', 'oscar'],
  verify: ['case', 'verify', 'alice'],
}

describe('every case with --dry-run changes nothing (built CLI, sandbox)', function () {
  this.timeout(120_000)
  const duo = sandboxSession()
  const run = runner(duo)

  for (const [name, args] of Object.entries(CASES)) {
    it(`${name}: prints its plan; Duo's users and administrator log are unchanged`, async () => {
      const [users, log] = [await duo.json<Row[]>(['users', 'list']), await adminLog(duo)]
      const {code, stderr, stdout} = await run([...args, '--dry-run'])
      expect(code, stderr).to.equal(0)
      expect(stdout).to.match(new RegExp(`^Plan: ${name} for `, 'm'))
      expect(await duo.json<Row[]>(['users', 'list'])).to.deep.equal(users)
      expect(await adminLog(duo)).to.deep.equal(log)
    })
  }
})

/** A case whose step fails once (a POST, which is not retried), then is run again. */
const FAILURES: Array<{name: string; operation: string; first: string[]; again: string[]}> = [
  {again: ['already done', 'already done', 'done', 'done'], first: ['done', 'done', 'done', 'failed', 'not run'], name: 'lost-phone', operation: 'sendphonesmsactivation'},
  {again: ['already done', 'already done', 'done'], first: ['done', 'done', 'failed'], name: 'new-hire', operation: 'enrolluser'},
  {again: ['already done', 'done', 'done'], first: ['done', 'failed', 'not run'], name: 'contractor', operation: 'createuserbypasscodes'},
  {again: ['done'], first: ['failed'], name: 'unlock', operation: 'updateuser'},
]

for (const failure of FAILURES) {
  describe(`duo case ${failure.name}: ${failure.operation} fails midway`, function () {
    this.timeout(120_000)
    const duo = sandboxSession({failCalls: {[failure.operation]: [1]}})
    const run = runner(duo)

    it('stops there with exit 1, saying what was done, and a re-run completes it without repeating anything', async () => {
      const args = [...CASES[failure.name], '--yes', '--json']
      const first = await run(args)
      expect(first.code).to.equal(1)
      const {error} = JSON.parse(first.stderr) as {error: {message: string}}
      expect(error.message).to.match(new RegExp(`^${failure.name} stopped at ".+": .+ \\d+ steps? done, \\d+ not\\.$`))
      expect(statuses(first)).to.deep.equal(failure.first)
      const again = await run(args)
      expect(again.code, again.stderr).to.equal(0)
      expect(statuses(again)).to.deep.equal(failure.again)
    })
  })
}
