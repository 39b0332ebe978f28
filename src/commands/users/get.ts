import {Args} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {userOrPick} from '../../cli/pickers.js'
import type {DuoUser} from '../../core/duo-objects.js'
import {renderUser} from '../../cli/user-view.js'

export default class UsersGet extends ApiCommand<typeof UsersGet> {
  static override args = {
    user: Args.string({description: 'The user: a username, an alias, an e-mail address or a user id (DU…); on a terminal, leave it out to search'}),
  }

  static override description =
    'Prints the main fields; --json prints Duo\'s whole user object (phones, tokens, groups, WebAuthn credentials). Without USER on a terminal, asks with a search over usernames.'

  static override examples = ['<%= config.bin %> <%= command.id %> alice', '<%= config.bin %> <%= command.id %> DUXXXXXXXXXXXXXXXXXX --json', '<%= config.bin %> <%= command.id %>']

  static override summary = 'Show one user'

  async run(): Promise<DuoUser> {
    const client = await this.client()
    const user = await userOrPick(client, this.prompt, this.args.user)
    this.show(() => renderUser(user))
    return user
  }
}
