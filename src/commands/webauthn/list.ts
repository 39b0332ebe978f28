import {listFlags} from '../../cli/flags.js'
import {ListCommand, type Listing} from '../../cli/list-command.js'

export default class WebauthnList extends ListCommand<typeof WebauthnList> {
  static override description =
    'Every security key, passkey and platform authenticator in the account, with its owner. For one user’s, see `duo users webauthn list`.'

  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --all --json']
  static override flags = listFlags('listwebauthncredentials')
  static override summary = 'List every WebAuthn credential in the account'
  protected readonly listing: Listing = {
    defaultColumns: ['credential_name', 'user', 'label', 'registered_as', 'date_added', 'date_last_used', 'webauthnkey'],
    noun: 'credentials',
    operation: 'listwebauthncredentials',
  }
}
