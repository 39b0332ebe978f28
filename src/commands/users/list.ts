import {Flags} from '@oclif/core'

import type {DuoClient} from '../../transport/client.js'
import {listFlags} from '../../cli/flags.js'
import {type Listing, ListCommand} from '../../cli/list-command.js'
import type {Row} from '../../cli/output.js'
import {userFilter, userFilterFlags} from '../../cli/user-filters.js'

export default class UsersList extends ListCommand<typeof UsersList> {
  static override description =
    'Prints one page as a table (the next --offset is noted on stderr), or every page with --all. With --json: the page as a JSON array, or with --all one user per line (NDJSON), streamed. --status, --enrolled, --not-enrolled, --group and --inactive-for filter here, page by page (Duo filters only by username and e-mail): add --all to filter every user.'

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --all --json | jq -r .username',
    '<%= config.bin %> <%= command.id %> --all --csv --columns username,email,status,last_login',
    '<%= config.bin %> <%= command.id %> --username alice',
    '<%= config.bin %> <%= command.id %> --all --not-enrolled --group Engineering --fields username,email',
    '<%= config.bin %> <%= command.id %> --all --inactive-for 90d --status active --csv',
    '<%= config.bin %> <%= command.id %> --json --query "[?status==\'bypass\'].username"',
  ]

  static override flags = {
    ...listFlags('listusers'),
    ...userFilterFlags,
    email: Flags.string({description: 'Only the user with this e-mail address'}),
    username: Flags.string({description: 'Only the user with this username or alias'}),
  }

  static override summary = 'List users'
  protected readonly listing: Listing = {
    defaultColumns: ['username', 'realname', 'email', 'status', 'is_enrolled', 'last_login', 'user_id'],
    noun: 'users',
    operation: 'listusers',
  }

  protected override filters(): Record<string, unknown> {
    return {email: this.flags.email, username: this.flags.username}
  }

  protected override keep(client: DuoClient): Promise<((row: Row) => boolean) | undefined> {
    return userFilter(client, this.flags)
  }
}
