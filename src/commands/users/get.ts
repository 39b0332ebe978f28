import {Args} from '@oclif/core'

import {RecordCommand} from '../../cli/record-command.js'
import {userOrPick} from '../../cli/pickers.js'
import {renderUser} from '../../cli/user-view.js'

export default class UsersGet extends RecordCommand<typeof UsersGet> {
  static override args = {
    user: Args.string({description: 'The user: a username, an alias, an e-mail address or a user id (DU…); on a terminal, leave it out to search'}),
  }

  static override description =
    'Prints the main fields; --json prints Duo\'s whole user object (phones, tokens, groups, WebAuthn credentials). Without USER on a terminal, asks with a search over usernames. --fields prints only the fields named (e.g. --fields username,status,last_login), --query applies a JMESPath expression to the JSON.'

  static override examples = ['<%= config.bin %> <%= command.id %> alice', '<%= config.bin %> <%= command.id %> DUXXXXXXXXXXXXXXXXXX --json', '<%= config.bin %> <%= command.id %> alice --fields username,status,last_login', '<%= config.bin %> <%= command.id %>']

  static override summary = 'Show one user'

  async run(): Promise<unknown> {
    const client = await this.client()
    const user = await userOrPick(client, this.prompt, this.args.user)
    return this.record(user, () => renderUser(user))
  }
}
