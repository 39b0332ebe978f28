import {Flags} from '@oclif/core'

import {ApiCommand} from '../../../lib/api-command.js'
import {yesFlag} from '../../../lib/flags.js'
import {userArg} from '../../../lib/named-args.js'
import {renderRecord} from '../../../lib/output.js'
import {confirmOrAbort} from '../../../lib/prompts.js'
import {type PushOutcome, type SentPush, describeOutcome, sendVerificationPush, waitForAnswer} from '../../../lib/verify-push.js'

export default class UsersVerifyPushSend extends ApiCommand<typeof UsersVerifyPushSend> {
  static override args = {user: userArg}
  static override description = `Use it to check that the person on the line (a helpdesk call, a chat) is the user: Duo Mobile on their phone shows a push with a confirmation code, printed here so you can ask them to read it back. Without --phone the push goes to the user's only phone that can receive Duo Push; with several, you pick one on a terminal (without a terminal, pass --phone). Asks first (default no); without a terminal pass --yes.

With --wait, asks Duo for the answer every 2 seconds until the person answers or --timeout passes, and prints the result: approve, deny, fraud or timeout. Exit status: 0 when approved; 1 when denied, reported as fraud or not answered in time. Without --wait, read the answer later with \`duo users verify-push result USER PUSH_ID\`.`

  static override examples = [
    '<%= config.bin %> <%= command.id %> alice --wait',
    '<%= config.bin %> <%= command.id %> alice --phone DPXXXXXXXXXXXXXXXXXX --yes --json',
    '<%= config.bin %> <%= command.id %> alice --wait --timeout 90 --yes && echo "verified"',
  ]

  static override flags = {
    phone: Flags.string({description: 'The phone to push to (DP…); default: the user\'s only phone that can receive Duo Push'}),
    // Tests poll faster than a person needs.
    'poll-ms': Flags.integer({default: 2000, description: 'With --wait: milliseconds between polls', hidden: true, min: 10}),
    timeout: Flags.integer({default: 60, description: 'With --wait: seconds to wait for the answer (Duo keeps it 120 s)', max: 120, min: 1}),
    wait: Flags.boolean({description: 'Wait for the answer and print it; exit 0 only if approved'}),
    ...yesFlag,
  }

  static override summary = 'Send a verification Duo Push to a user\'s phone'

  async run(): Promise<SentPush | (SentPush & {result: PushOutcome})> {
    const {user} = this.args
    const {phone, timeout, wait, yes} = this.flags
    await confirmOrAbort(this.prompt, `Send a verification Duo Push to ${user}? Their phone will ask them to approve it.`, yes)
    const client = await this.client()
    const push = await sendVerificationPush(client, this.prompt, user, phone)
    this.show(() => renderRecord({...push}, ['confirmation_code', 'push_id', 'phone_id', 'user_id']))
    this.note(`Ask ${user} to check that the push shows the confirmation code ${push.confirmation_code}.`)
    if (!wait) return push

    this.note(`Waiting up to ${timeout} s for the answer…`)
    const answered = {...push, result: await waitForAnswer(client, push, {intervalMs: this.flags['poll-ms'], timeoutMs: timeout * 1000})}
    this.show(() => renderRecord(answered, ['result']))
    this.note(describeOutcome(user, answered.result, timeout))
    if (answered.result !== 'approve') {
      // The outcome is data even when it fails the check: print it, then exit 1.
      if (this.jsonEnabled()) this.logJson(answered)
      this.exit(1)
    }

    return answered
  }
}
