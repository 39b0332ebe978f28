import {tableFlags} from '../../cli/flags.js'
import {type Listing, ListCommand} from '../../cli/list-command.js'

export default class AccountsList extends ListCommand<typeof AccountsList> {
  static override description =
    'The child accounts of an MSP parent account, listed with the parent\'s Accounts API keys (POST /accounts/v1/account/list on the parent\'s host). Pass a NAME or ACCOUNT_ID to --account on any command to act on that child, or set one on a profile with `duo profiles set NAME --account …`. With --json: Duo\'s array of {account_id, name, api_hostname}.'

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --json | jq -r .[].name',
    '<%= config.bin %> users list --account "Acme Dental"',
  ]

  static override flags = tableFlags
  static override summary = 'List the child accounts of an MSP parent account'
  protected readonly listing: Listing = {
    defaultColumns: ['name', 'account_id', 'api_hostname'],
    noun: 'accounts',
    operation: 'listaccounts',
  }
}
