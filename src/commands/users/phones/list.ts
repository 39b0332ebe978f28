import {listFlags} from '../../../cli/flags.js'
import {type Listing, UserListCommand} from '../../../cli/list-command.js'

export default class UsersPhonesList extends UserListCommand<typeof UsersPhonesList> {
  static override description =
    'USER is a username, an alias or a user id. LAST_SEEN (the last contact with Duo Mobile) is UTC. The CAPABILITIES column says which phones can receive Duo Push (see `duo users verify-push send`); --columns adds name, model and more.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> alice',
    '<%= config.bin %> <%= command.id %> alice --columns phone_id,number,capabilities',
  ]

  static override flags = listFlags('listuserphones')
  static override summary = 'List the phones attached to a user'
  protected readonly listing: Listing = {
    defaultColumns: ['phone_id', 'number', 'platform', 'type', 'activated', 'last_seen', 'capabilities'],
    noun: 'phones',
    operation: 'listuserphones',
  }
}
