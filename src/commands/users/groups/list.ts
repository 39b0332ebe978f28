import {listFlags} from '../../../cli/flags.js'
import {type Listing, UserListCommand} from '../../../cli/list-command.js'

export default class UsersGroupsList extends UserListCommand<typeof UsersGroupsList> {
  static override description =
    'USER is a username, an alias or a user id. With --json: the group objects as a JSON array.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> alice',
    '<%= config.bin %> <%= command.id %> alice --json | jq -r \'.[].name\'',
  ]

  static override flags = listFlags('listusergroups')
  static override summary = 'List the groups a user belongs to'
  protected readonly listing: Listing = {
    defaultColumns: ['name', 'desc', 'status', 'group_id'],
    noun: 'groups',
    operation: 'listusergroups',
  }
}
