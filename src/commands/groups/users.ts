import {listFlags} from '../../cli/flags.js'
import {type Listing, ListCommand} from '../../cli/list-command.js'
import {groupArg} from '../../cli/named-args.js'

export default class GroupsUsers extends ListCommand<typeof GroupsUsers> {
  static override args = {group: groupArg}
  static override description =
    'GROUP is the group\'s name or id (DG…). Prints one page of members (username and user id), or every page with --all; with --json the page as a JSON array, or with --all one member per line (NDJSON).'

  static override examples = [
    '<%= config.bin %> <%= command.id %> Engineering',
    '<%= config.bin %> <%= command.id %> Engineering --all --json | jq -r .username',
  ]

  static override flags = listFlags('listgroupusersv2')
  static override summary = 'List the members of a group'
  protected readonly listing: Listing = {defaultColumns: ['username', 'user_id'], noun: 'members', operation: 'listgroupusersv2'}

  protected override owner(): {group_id: string} {
    return {group_id: this.args.group}
  }
}
