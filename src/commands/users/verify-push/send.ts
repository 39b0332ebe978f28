import {Flags} from '@oclif/core'

import {ExitCode} from '../../../core/errors.js'
import {ApiCommand} from '../../../cli/api-command.js'
import {spanFlag, yesFlag} from '../../../cli/flags.js'
import {userArg} from '../../../cli/named-args.js'
import {renderRecord} from '../../../cli/output.js'
import {confirmOrAbort, filterChoices, searchChoice} from '../../../cli/prompts.js'
import {type PushOutcome, type SentPush, describeOutcome, sendVerificationPush, waitForAnswer} from '../../../tasks/verify-push.js'

export default class UsersVerifyPushSend extends ApiCommand<typeof UsersVerifyPushSend> {
  static override args = {user: userArg}
  static override description = `Use it to check that the person on the line (a helpdesk call, a chat) is the user: Duo Mobile on their phone shows a push with a confirmation code, printed here so you can ask them to read it back. Without --phone the push goes to the user's only phone that can receive Duo Push; with several, you pick one on a terminal (without a terminal, pass --phone). Asks first (default no); without a terminal pass --yes.

With --wait, asks Duo for the answer every 2 seconds until the person answers or --timeout passes, and prints the result: approve, deny, fraud or timeout. Exit status: 0 when approved; 1 when denied, reported as fraud or not answered in time. Without --wait, read the answer later with \`duo users verify-push result USER PUSH_ID\`.`

  static override examples = [
    '<%= config.bin %> <%= command.id %> alice --wait',
    '<%= config.bin %> <%= command.id %> alice --phone DPXXXXXXXXXXXXXXXXXX --yes --json',
    '<%= config.bin %> <%= command.id %> alice --wait --timeout 90s --yes && echo "verified"',
  ]

  static override flags = {
    phone: Flags.string({description: 'The phone to push to (DP…); default: the user\'s only phone that can receive Duo Push'}),
    // Tests poll faster than a person needs.
    'poll-ms': Flags.integer({default: 2000, description: 'With --wait: milliseconds between polls', hidden: true, min: 10}),
    timeout: spanFlag('--timeout', {max: 120, min: 1})({default: 60, description: 'With --wait: how long to wait for the answer: seconds or a span such as 90s, 2m (1 s to 2 minutes: Duo keeps the answer 120 s)'}),
    wait: Flags.boolean({description: 'Wait for the answer and print it; exit 0 only if approved'}),
    ...yesFlag,
  }

  static override summary = 'Send a verification Duo Push to a user\'s phone'

  async run(): Promise<SentPush | (SentPush & {result: PushOutcome})> {
    const {user} = this.args
    const {phone, timeout, wait, yes} = this.flags
    await confirmOrAbort(this.prompt, `Send a verification Duo Push to ${user}? Their phone will ask them to approve it.`, yes)
    const client = await this.client()
    const choose = this.prompt.interactive
      ? (message: string, choices: Array<{name: string; value: string}>) => searchChoice(this.prompt, {flag: '--phone', message, source: async (term) => filterChoices(choices, term)})
      : undefined
    const push = await sendVerificationPush(client, user, phone, choose)
    this.show(() => renderRecord({...push}, ['confirmation_code', 'push_id', 'phone_id', 'user_id']))
    this.note(`Ask ${user} to check that the push shows the confirmation code ${push.confirmation_code}.`)
    if (!wait) return push

    this.note(`Waiting up to ${timeout} s for the answer…`)
    const answered = {...push, result: await waitForAnswer(client, push, {intervalMs: this.flags['poll-ms'], timeoutMs: timeout * 1000})}
    this.show(() => renderRecord(answered, ['result']))
    this.note(describeOutcome(user, answered.result, timeout))
    if (answered.result !== 'approve') {
      this.failAfter(answered, ExitCode.error)
    }

    return answered
  }
}
