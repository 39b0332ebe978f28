import {ApiCommand} from '../../cli/api-command.js'
import {changesFromFlags} from '../../cli/catalog-flags.js'
import {call} from '../../core/call.js'
import {userArg} from '../../cli/named-args.js'
import {userFieldFlags} from '../../cli/user-field-flags.js'
import type {DuoUser} from '../../core/duo-objects.js'
import {renderUser} from '../../cli/user-view.js'
import {yesFlag} from '../../cli/flags.js'
import {confirmWeakening} from '../../cli/weakening-confirm.js'

export default class UsersUpdate extends ApiCommand<typeof UsersUpdate> {
  static override args = {user: userArg}

  static override description = 'Changes only what is given; --username renames the user. --status bypass lets the user skip two-factor and --status disabled locks them out, so both ask first (--yes without a terminal).'

  static override examples = [
    '<%= config.bin %> <%= command.id %> alice --status disabled --yes',
    '<%= config.bin %> <%= command.id %> bob --realname "Robert Jones" --email robert@example.com --json',
  ]

  static override flags = {...userFieldFlags('updateuser'), ...yesFlag}

  static override summary = 'Change a user'

  async run(): Promise<DuoUser> {
    const changes = changesFromFlags('updateuser', this.flags)
    // Asked before any request (the user's name is not even looked up if the answer is no).
    await confirmWeakening(this.prompt, 'updateuser', changes, this.args.user, this.flags.yes)
    const {response: user} = await call<DuoUser>(await this.client(), 'updateuser', {...changes, user_id: this.args.user})
    this.show(() => renderUser(user))
    this.note(`Updated user ${user.username} (${user.user_id}).`)
    return user
  }
}
