import {listFlags} from '../../../cli/flags.js'
import {type Listing, UserListCommand} from '../../../cli/list-command.js'

export default class UsersWebauthnList extends UserListCommand<typeof UsersWebauthnList> {
  static override description =
    'Security keys and platform authenticators (Touch ID, Windows Hello) the user registered. Dates are Unix seconds.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> alice',
    '<%= config.bin %> <%= command.id %> alice --json',
  ]

  static override flags = listFlags('listuserwebauthncredentials')
  static override summary = 'List a user\'s WebAuthn credentials'
  protected readonly listing: Listing = {
    defaultColumns: ['credential_name', 'label', 'registered_as', 'date_added', 'date_last_used', 'webauthnkey'],
    noun: 'credentials',
    operation: 'listuserwebauthncredentials',
  }
}
