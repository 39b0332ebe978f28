import {ApiCommand} from '../../cli/api-command.js'
import {paramFlag} from '../../cli/catalog-flags.js'
import {secondsFlag, yesFlag} from '../../cli/flags.js'
import {call} from '../../core/call.js'
import {askForValue, confirmOrAbort} from '../../cli/prompts.js'

export default class UsersEnroll extends ApiCommand<typeof UsersEnroll> {
  static override description =
    'Duo e-mails the person a link to set up Duo, creating the user if there is none with that username. The e-mail goes to a real person, so this asks first unless --yes.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> --username erin --email erin@example.com',
    '<%= config.bin %> <%= command.id %> --username erin --email erin@example.com --valid-secs 1d --yes --json',
  ]

  static override flags = {
    email: paramFlag.string('enrolluser', 'email'),
    username: paramFlag.string('enrolluser', 'username'),
    'valid-secs': secondsFlag('enrolluser', 'valid_secs'),
    ...yesFlag,
  }

  static override summary = 'E-mail a user an enrollment link'

  async run(): Promise<{email: string; username: string; valid_secs?: number}> {
    const username = this.flags.username ?? (await askForValue(this.prompt, {flag: '--username', message: 'Username (or alias) to enroll:'}))
    const email = this.flags.email ?? (await askForValue(this.prompt, {flag: '--email', message: 'E-mail address to send the link to:'}))
    const input = {email, username, valid_secs: this.flags['valid-secs']}
    // Asked before any request: the e-mail reaches a real person and cannot be taken back.
    await confirmOrAbort(this.prompt, `E-mail an enrollment link for ${username} to ${email}?`, this.flags.yes)
    await call(await this.client(), 'enrolluser', input)
    this.note(`Sent an enrollment e-mail for ${username} to ${email}.`)
    return input
  }
}
