import {listFlags} from '../../cli/flags.js'
import {type Listing, ListCommand} from '../../cli/list-command.js'

export default class GroupsList extends ListCommand<typeof GroupsList> {
  static override description =
    'Prints one page as a table (the next --offset is noted on stderr), or every page with --all. With --json: the page as a JSON array, or with --all one group per line (NDJSON), streamed.'

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --all --json | jq -r .name',
    '<%= config.bin %> <%= command.id %> --csv --columns name,status,group_id',
  ]

  static override flags = listFlags('listgroups')
  static override summary = 'List groups'
  protected readonly listing: Listing = {defaultColumns: ['name', 'desc', 'status', 'group_id'], noun: 'groups', operation: 'listgroups'}
}
