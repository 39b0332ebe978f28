import {listFlags} from '../../../cli/flags.js'
import {type Listing, UserListCommand} from '../../../cli/list-command.js'

export default class UsersTokensList extends UserListCommand<typeof UsersTokensList> {
  static override description =
    'USER is a username, an alias or a user id. With --json: the token objects as a JSON array.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> dave',
    '<%= config.bin %> <%= command.id %> dave --json',
  ]

  static override flags = listFlags('listusertokens')
  static override summary = 'List the hardware tokens attached to a user'
  protected readonly listing: Listing = {
    defaultColumns: ['token_id', 'type', 'serial', 'totp_step'],
    noun: 'tokens',
    operation: 'listusertokens',
  }
}
