import {listFlags} from '../../../lib/flags.js'
import {UserListCommand} from '../../../lib/list-command.js'

export default class UsersGroupsList extends UserListCommand<typeof UsersGroupsList> {
  static override description =
    'USER is a username, an alias or a user id. With --json: the group objects as a JSON array.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> alice',
    '<%= config.bin %> <%= command.id %> alice --json | jq -r \'.[].name\'',
  ]

  static override flags = listFlags(500)
  static override summary = 'List the groups a user belongs to'
  protected readonly listing = {
    defaultColumns: ['name', 'desc', 'status', 'group_id'],
    noun: 'groups',
    operation: 'listusergroups',
  }
}
