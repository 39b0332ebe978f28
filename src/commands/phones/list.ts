import {listFlags} from '../../cli/flags.js'
import {ListCommand, type Listing} from '../../cli/list-command.js'
import {paramFlag} from '../../cli/catalog-flags.js'

export default class PhonesList extends ListCommand<typeof PhonesList> {
  static override description =
    'Every phone in the account with the users it is attached to (phones can be shared). --number finds the phone with that number. LAST_SEEN is UTC. For one user\'s, see `duo users phones list`.'

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --number +15550100001',
    '<%= config.bin %> <%= command.id %> --all --json',
  ]

  static override flags = {
    ...listFlags('listphones'),
    extension: paramFlag.string('listphones', 'extension'),
    number: paramFlag.string('listphones', 'number'),
  }

  static override summary = 'List every phone in the account'
  protected readonly listing: Listing = {
    defaultColumns: ['phone_id', 'number', 'platform', 'type', 'activated', 'last_seen', 'users'],
    noun: 'phones',
    operation: 'listphones',
  }

  protected override filters(): Record<string, unknown> {
    return {extension: this.flags.extension, number: this.flags.number}
  }
}
