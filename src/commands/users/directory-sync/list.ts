import {tableFlags} from '../../../cli/flags.js'
import {type Listing, ListCommand} from '../../../cli/list-command.js'

export default class UsersDirectorySyncList extends ListCommand<typeof UsersDirectorySyncList> {
  static override description =
    'The directories (Active Directory, Entra ID, OpenLDAP …) that users are synced from. The DIRECTORY_KEY column is what `duo users directory-sync run` takes.'

  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json']
  static override flags = tableFlags
  static override summary = 'List the directories users are synced from'
  protected readonly listing: Listing = {
    defaultColumns: ['name', 'directory_type', 'directory_key'],
    noun: 'directories',
    operation: 'listuserdirectorysyncs',
  }
}
