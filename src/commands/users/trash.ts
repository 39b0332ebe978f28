import {Args} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {yesFlag} from '../../cli/flags.js'
import {renderTable} from '../../cli/output.js'
import {confirmOrAbort} from '../../cli/prompts.js'
import {applyToUsers} from '../../tasks/user-batches.js'
import type {UserTarget} from '../../core/duo-objects.js'

export default class UsersTrash extends ApiCommand<typeof UsersTrash> {
  static override args = {
    users: Args.string({description: 'Users to trash: usernames, aliases or user ids (DU…)', required: true}),
  }

  static override description =
    'Trashed users are blocked at once ("pending deletion") and purged after the Trash period unless restored with `duo users restore`. Every name is looked up before anything changes; ids go in batches of 100. Asks first unless --yes.'

  static override examples = ['<%= config.bin %> <%= command.id %> alice bob', '<%= config.bin %> <%= command.id %> DUXXXXXXXXXXXXXXXXXX --yes --json']

  static override flags = yesFlag

  static override strict = false

  static override summary = 'Send users to the Trash'

  async run(): Promise<UserTarget[]> {
    const count = new Set(this.argList).size
    // Asked before any request, so a refusal (or no terminal and no --yes) sends nothing.
    await confirmOrAbort(this.prompt, `Send ${count} ${count === 1 ? 'user' : 'users'} to the Trash? They lose access at once.`, this.flags.yes)
    const targets = await applyToUsers(await this.client(), 'bulksenduserstotrash', this.argList)
    this.show(() => renderTable([...targets], ['user', 'user_id']))
    this.note(`Sent ${targets.length} ${targets.length === 1 ? 'user' : 'users'} to the Trash; \`duo users restore\` brings them back until they are purged.`)
    return targets
  }
}
