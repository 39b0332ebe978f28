import {ApiCommand} from '../../../cli/api-command.js'
import {bypassCodesQuestion} from '../../../cli/bypass-codes-question.js'
import {paramFlag, paramsFromFlags} from '../../../cli/catalog-flags.js'
import {secondsFlag, yesFlag} from '../../../cli/flags.js'
import {call} from '../../../core/call.js'
import {userArg} from '../../../cli/named-args.js'
import {confirmOrAbort} from '../../../cli/prompts.js'

const OPERATION = 'createuserbypasscodes'

export default class UsersBypassCodesCreate extends ApiCommand<typeof UsersBypassCodesCreate> {
  static override args = {user: userArg}
  static override description =
    'Generates --count random codes (Duo\'s default 10) or sets the --codes you give, and prints them one per line on stdout: the only time Duo ever shows them. Unless --preserve-existing, the user\'s existing codes are cleared. Asks first (default no); without a terminal pass --yes. With --json: the codes as a JSON array.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> alice',
    '<%= config.bin %> <%= command.id %> alice --count 2 --reuse-count 1 --valid-secs 1h --yes',
    '<%= config.bin %> <%= command.id %> alice --codes 123456789,987654321 --preserve-existing --yes',
  ]

  static override flags = {
    codes: paramFlag.string(OPERATION, 'codes', {exclusive: ['count']}),
    count: paramFlag.integer(OPERATION, 'count', {exclusive: ['codes']}),
    'preserve-existing': paramFlag.boolean(OPERATION, 'preserve_existing'),
    'reuse-count': paramFlag.integer(OPERATION, 'reuse_count'),
    'valid-secs': secondsFlag(OPERATION, 'valid_secs'),
    ...yesFlag,
  }

  static override summary = 'Generate bypass codes for a user (shown once)'

  async run(): Promise<string[]> {
    const {user} = this.args
    await confirmOrAbort(this.prompt, bypassCodesQuestion(user, this.flags), this.flags.yes)
    const {response: codes} = await call<string[]>(await this.client(), OPERATION, {...paramsFromFlags(OPERATION, this.flags), user_id: user})
    this.log(codes.join('\n'))
    this.note(`Duo shows these codes only now: give them to ${user} over a trusted channel.`)
    return codes
  }
}
