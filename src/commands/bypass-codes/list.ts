import {listFlags} from '../../cli/flags.js'
import {ListCommand, type Listing} from '../../cli/list-command.js'

export default class BypassCodesList extends ListCommand<typeof BypassCodesList> {
  static override description =
    'Metadata of every bypass code in the account: whose it is, when it expires (empty: never), uses left (empty: unlimited). Duo never returns the codes themselves after creating them. To create codes: `duo users bypass-codes create USER`.'

  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --all --json']
  static override flags = listFlags('listbypasscodes')
  static override summary = 'List every bypass code in the account (metadata only)'
  protected readonly listing: Listing = {
    defaultColumns: ['bypass_code_id', 'user', 'created', 'expiration', 'reuse_count', 'admin_email'],
    noun: 'bypass codes',
    operation: 'listbypasscodes',
  }
}
