import {listFlags} from '../../../cli/flags.js'
import {type Listing, UserListCommand} from '../../../cli/list-command.js'

export default class UsersBypassCodesList extends UserListCommand<typeof UsersBypassCodesList> {
  static override description =
    'Shows each code\'s id, expiry and remaining uses. Duo never returns the codes themselves: only `duo users bypass-codes create` shows them, once.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> alice',
    '<%= config.bin %> <%= command.id %> alice --json | jq length',
  ]

  static override flags = listFlags('listuserbypasscodes')
  static override summary = 'List a user\'s bypass codes (metadata only)'
  protected readonly listing: Listing = {
    defaultColumns: ['bypass_code_id', 'created', 'expiration', 'reuse_count', 'admin_email'],
    noun: 'bypass codes',
    operation: 'listuserbypasscodes',
  }
}
