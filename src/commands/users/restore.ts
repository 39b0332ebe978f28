import {Args} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {renderTable} from '../../cli/output.js'
import {applyToUsers} from '../../tasks/user-batches.js'
import type {UserTarget} from '../../core/duo-objects.js'

export default class UsersRestore extends ApiCommand<typeof UsersRestore> {
  static override args = {
    users: Args.string({description: 'Users to restore: usernames, aliases or user ids (DU…)', required: true}),
  }

  static override description = 'Restored users are active again. Every name is looked up before anything changes; ids go in batches of 100.'

  static override examples = ['<%= config.bin %> <%= command.id %> alice bob', '<%= config.bin %> <%= command.id %> DUXXXXXXXXXXXXXXXXXX --json']

  static override strict = false

  static override summary = 'Bring users back from the Trash'

  async run(): Promise<UserTarget[]> {
    const targets = await applyToUsers(await this.client(), 'bulkrestoreusers', this.argList)
    this.show(() => renderTable([...targets], ['user', 'user_id']))
    this.note(`Restored ${targets.length} ${targets.length === 1 ? 'user' : 'users'} from the Trash.`)
    return targets
  }
}
