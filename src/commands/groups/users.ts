import {listFlags} from '../../lib/flags.js'
import {ListCommand} from '../../lib/list-command.js'
import {type Named, groupArg} from '../../lib/named-args.js'

export default class GroupsUsers extends ListCommand<typeof GroupsUsers> {
  static override args = {group: groupArg}
  static override description =
    'GROUP is the group\'s name or id (DG…). Prints one page of members (username and user id), or every page with --all; with --json the page as a JSON array, or with --all one member per line (NDJSON).'

  static override examples = [
    '<%= config.bin %> <%= command.id %> Engineering',
    '<%= config.bin %> <%= command.id %> Engineering --all --json | jq -r .username',
  ]

  static override flags = listFlags(500)
  static override summary = 'List the members of a group'
  protected readonly listing = {defaultColumns: ['username', 'user_id'], noun: 'members', operation: 'listgroupusersv2'}

  protected override owner(): Named {
    return {group_id: this.args.group}
  }
}
