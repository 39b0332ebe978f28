import {Flags} from '@oclif/core'

import {CaseCommand, caseFlags} from '../../cli/case-command.js'
import {spanFlag} from '../../cli/flags.js'
import {userArg} from '../../cli/named-args.js'
import type {DuoCaller} from '../../core/calls.js'
import {ExitCode} from '../../core/errors.js'
import type {CasePlan} from '../../tasks/cases/plan.js'
import type {CaseRun} from '../../tasks/cases/run.js'
import {planVerify} from '../../tasks/cases/stories/verify.js'
import {readUserFacts} from '../../tasks/cases/user-facts.js'
import {type SentPush, describeOutcome, waitForAnswer} from '../../tasks/verify-push.js'

export default class CaseVerify extends CaseCommand<typeof CaseVerify> {
  static override args = {user: userArg}
  static override description =
    'Checks that the person on the line is the user: a verification Duo Push goes to their phone (the only one that takes Duo Push, or --phone), the confirmation code is printed for you to ask them to read back, and the command waits for their answer. Exit 0 only when they approve. Asks first (default no); without a terminal pass --yes.'

  static override examples = ['<%= config.bin %> <%= command.id %> alice', '<%= config.bin %> <%= command.id %> alice --phone DPXXXXXXXXXXXXXXXXXX --yes']

  static override flags = {
    ...caseFlags,
    phone: Flags.string({description: 'The phone to push to (DP…), when the user has several'}),
    'poll-ms': Flags.integer({default: 2000, description: 'Milliseconds between polls for the answer', hidden: true, min: 10}),
    timeout: spanFlag('--timeout', {max: 120, min: 1})({default: 60, description: 'How long to wait for the answer: seconds or a span such as 90s, 2m (1 s to 2 minutes: Duo keeps the answer 120 s)'}),
  }

  static override summary = 'Verify a caller\'s identity with a Duo Push and wait for the answer'

  protected async plan(client: DuoCaller): Promise<CasePlan> {
    return planVerify(await readUserFacts(client, this.args.user), this.flags.phone)
  }

  protected override async after(client: DuoCaller, run: CaseRun): Promise<Record<string, unknown>> {
    const [step] = run.plan.steps
    const answer = run.outcomes[0].response as {confirmation_code: string; push_id: string}
    const push: SentPush = {...answer, phone_id: step.input.phone_id as string, user_id: run.plan.user.user_id}
    const who = run.plan.user.username
    this.show(() => `Confirmation code: ${push.confirmation_code}`)
    this.note(`Ask ${who} to read back the code their phone shows. Waiting up to ${this.flags.timeout} s for the answer…`)
    const result = await waitForAnswer(client, push, {intervalMs: this.flags['poll-ms'], timeoutMs: this.flags.timeout * 1000})
    this.show(() => `Result: ${result}`)
    this.note(describeOutcome(who, result, this.flags.timeout))
    if (result !== 'approve') this.failAfter({case: run.plan.name, push, result, steps: run.outcomes, user: run.plan.user}, ExitCode.error)
    return {push, result}
  }
}
