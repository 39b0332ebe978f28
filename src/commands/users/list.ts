import {Flags} from '@oclif/core'

import {ApiCommand} from '../../lib/api-command.js'
import {listFlags} from '../../lib/flags.js'
import {printList, terminalProgress} from '../../lib/listing.js'
import type {Row} from '../../lib/output.js'

export default class UsersList extends ApiCommand<typeof UsersList> {
  static override description =
    'Prints one page as a table (the next --offset is noted on stderr), or every page with --all. With --json: the page as a JSON array, or with --all one user per line (NDJSON), streamed.'

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --all --json | jq -r .username',
    '<%= config.bin %> <%= command.id %> --all --csv --columns username,email,status,last_login',
    '<%= config.bin %> <%= command.id %> --username alice',
  ]

  static override flags = {
    ...listFlags(300),
    email: Flags.string({description: 'Only the user with this e-mail address'}),
    username: Flags.string({description: 'Only the user with this username or alias'}),
  }

  static override summary = 'List users'

  async run(): Promise<Row[] | undefined> {
    const {all, columns, csv, email, limit, offset, username} = this.flags
    return printList(await this.client(), {
      all,
      columns,
      csv,
      defaultColumns: ['username', 'realname', 'email', 'status', 'is_enrolled', 'last_login', 'user_id'],
      input: {email, limit, offset, username},
      json: this.jsonEnabled(),
      log: (text) => this.log(text),
      operation: 'listusers',
      progress: terminalProgress('users'),
    })
  }
}
