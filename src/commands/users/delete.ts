import {ApiCommand} from '../../cli/api-command.js'
import {yesFlag} from '../../cli/flags.js'
import {call, resolveNames} from '../../core/call.js'
import {getOperation} from '../../core/catalog/index.js'
import {userArg} from '../../cli/named-args.js'
import {confirmOrAbort} from '../../cli/prompts.js'
import type {UserTarget} from '../../core/duo-objects.js'
import {describeTarget} from '../../cli/user-view.js'

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
    const {user_id} = (await resolveNames(client, getOperation('deleteuser'), {user_id: user})) as UserTarget
    const target = {user, user_id}
    await call(client, 'deleteuser', {user_id})
    this.note(`Deleted user ${describeTarget(target)}.`)
    return target
  }
}
