import {Flags} from '@oclif/core'

import {listFlags} from '../../cli/flags.js'
import {ListCommand, type Listing} from '../../cli/list-command.js'
import {paramFlag} from '../../cli/catalog-flags.js'
import {UsageError} from '../../core/errors.js'

export default class TokensList extends ListCommand<typeof TokensList> {
  static override description =
    'Every hardware token in the account with the users holding it. --type and --serial together find one token. For one user\'s, see `duo users tokens list`.'

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --type h6 --serial 100003 --json',
  ]

  static override flags = {
    ...listFlags('listtokens'),
    serial: Flags.string({dependsOn: ['type'], description: 'With --type: the token with this serial number'}),
    type: paramFlag.string('listtokens', 'type', {}),
  }

  static override summary = 'List every hardware token in the account'
  protected readonly listing: Listing = {
    defaultColumns: ['token_id', 'type', 'serial', 'totp_step', 'users'],
    noun: 'tokens',
    operation: 'listtokens',
  }

  protected override filters(): Record<string, unknown> {
    if (this.flags.type !== undefined && this.flags.serial === undefined) throw new UsageError('--type needs --serial: Duo looks tokens up by both.')
    return {serial: this.flags.serial, type: this.flags.type}
  }
}
