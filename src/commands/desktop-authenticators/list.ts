import {listFlags} from '../../cli/flags.js'
import {ListCommand, type Listing} from '../../cli/list-command.js'

export default class DesktopAuthenticatorsList extends ListCommand<typeof DesktopAuthenticatorsList> {
  static override description =
    'Every Duo Desktop authenticator in the account, with its user. For one user’s, see `duo users desktop-authenticators list`.'

  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --all --json']
  static override flags = listFlags('listdesktopauthenticators')
  static override summary = 'List every Duo Desktop authenticator in the account'
  protected readonly listing: Listing = {
    defaultColumns: ['device_name', 'user', 'os_family', 'duo_desktop_version', 'dakey'],
    noun: 'desktop authenticators',
    operation: 'listdesktopauthenticators',
  }
}
