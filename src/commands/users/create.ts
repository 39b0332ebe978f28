import {ApiCommand} from '../../cli/api-command.js'
import {paramsFromFlags} from '../../cli/catalog-flags.js'
import {call} from '../../core/call.js'
import {askForValue} from '../../cli/prompts.js'
import {userFieldFlags} from '../../cli/user-field-flags.js'
import type {DuoUser} from '../../core/duo-objects.js'
import {renderUser} from '../../cli/user-view.js'
import {yesFlag} from '../../cli/flags.js'
import {confirmWeakening} from '../../cli/weakening-confirm.js'

export default class UsersCreate extends ApiCommand<typeof UsersCreate> {
  static override description =
    'Only --username is required (asked for on a terminal when missing); the new user is active unless --status says otherwise. --status bypass (no two-factor) and --status disabled (no login) ask first (--yes without a terminal).'

  static override examples = [
    '<%= config.bin %> <%= command.id %> --username dave --realname "Dave Example" --email dave@example.com',
    '<%= config.bin %> <%= command.id %> --username eve --status bypass --yes --aliases "alias1=eve.s&alias2=eve@example.com" --json',
  ]

  static override flags = {...userFieldFlags('createuser'), ...yesFlag}

  static override summary = 'Create a user'

  async run(): Promise<DuoUser> {
    const username = this.flags.username ?? (await askForValue(this.prompt, {flag: '--username', message: 'Username for the new user:'}))
    const input = {...paramsFromFlags('createuser', this.flags), username}
    await confirmWeakening(this.prompt, 'createuser', input, username, this.flags.yes)
    const {response: user} = await call<DuoUser>(await this.client(), 'createuser', input)
    this.show(() => renderUser(user))
    this.note(`Created user ${user.username} (${user.user_id}).`)
    return user
  }
}
