import {ApiCommand} from '../../lib/api-command.js'
import {paramsFromFlags} from '../../lib/catalog-flags.js'
import {invoke} from '../../lib/invoke.js'
import {askForValue} from '../../lib/prompts.js'
import {userFieldFlags} from '../../lib/user-field-flags.js'
import {type DuoUser, renderUser} from '../../lib/user-view.js'

export default class UsersCreate extends ApiCommand<typeof UsersCreate> {
  static override description = 'Only --username is required (asked for on a terminal when missing); the new user is active unless --status says otherwise.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> --username dave --realname "Dave Example" --email dave@example.com',
    '<%= config.bin %> <%= command.id %> --username eve --status bypass --aliases "alias1=eve.s&alias2=eve@example.com" --json',
  ]

  static override flags = userFieldFlags('createuser')

  static override summary = 'Create a user'

  async run(): Promise<DuoUser> {
    const username = this.flags.username ?? (await askForValue(this.prompt, {flag: '--username', message: 'Username for the new user:'}))
    const input = {...paramsFromFlags('createuser', this.flags), username}
    const {response: user} = await invoke<DuoUser>(await this.client(), 'createuser', input)
    this.show(() => renderUser(user))
    this.note(`Created user ${user.username} (${user.user_id}).`)
    return user
  }
}
