import {ApiCommand} from '../../lib/api-command.js'
import {yesFlag} from '../../lib/flags.js'
import {invoke} from '../../lib/invoke.js'
import {userArg} from '../../lib/named-args.js'
import {confirmOrAbort} from '../../lib/prompts.js'
import {resolveUserId} from '../../lib/resolve.js'
import {type UserTarget, describeTarget} from '../../lib/user-view.js'

export default class UsersDelete extends ApiCommand<typeof UsersDelete> {
  static override args = {user: userArg}

  static override description =
    'Permanent: the user does not go to the Trash and cannot be restored (`duo users trash` can be undone). Asks first unless --yes; without a terminal, --yes is required.'

  static override examples = ['<%= config.bin %> <%= command.id %> alice', '<%= config.bin %> <%= command.id %> alice --yes --json']

  static override flags = yesFlag

  static override summary = 'Delete a user permanently'

  async run(): Promise<UserTarget> {
    const {user} = this.args
    // Asked before any request, so a refusal (or no terminal and no --yes) sends nothing.
    await confirmOrAbort(this.prompt, `Delete user ${user} permanently? This cannot be undone (it does not go to the Trash).`, this.flags.yes)
    const client = await this.client()
    const target = {user, user_id: await resolveUserId(client, user)}
    await invoke(client, 'deleteuser', {user_id: target.user_id})
    this.note(`Deleted user ${describeTarget(target)}.`)
    return target
  }
}
