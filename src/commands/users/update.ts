import {ApiCommand} from '../../lib/api-command.js'
import {changesFromFlags} from '../../lib/catalog-flags.js'
import {invoke} from '../../lib/invoke.js'
import {userArg} from '../../lib/named-args.js'
import {resolveUserId} from '../../lib/resolve.js'
import {userFieldFlags} from '../../lib/user-field-flags.js'
import {type DuoUser, renderUser} from '../../lib/user-view.js'

export default class UsersUpdate extends ApiCommand<typeof UsersUpdate> {
  static override args = {user: userArg}

  static override description = 'Changes only what is given; --username renames the user. --status bypass lets the user skip two-factor.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> alice --status disabled',
    '<%= config.bin %> <%= command.id %> bob --realname "Robert Jones" --email robert@example.com --json',
  ]

  static override flags = userFieldFlags('updateuser')

  static override summary = 'Change a user'

  async run(): Promise<DuoUser> {
    const changes = changesFromFlags('updateuser', this.flags)
    const client = await this.client()
    const userId = await resolveUserId(client, this.args.user)
    const {response: user} = await invoke<DuoUser>(client, 'updateuser', {...changes, user_id: userId})
    this.show(() => renderUser(user))
    this.note(`Updated user ${user.username} (${user.user_id}).`)
    return user
  }
}
