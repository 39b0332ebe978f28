import {listFlags} from '../../../cli/flags.js'
import {type Listing, UserListCommand} from '../../../cli/list-command.js'

export default class UsersDesktopAuthenticatorsList extends UserListCommand<typeof UsersDesktopAuthenticatorsList> {
  static override description =
    'The computers where the user runs Duo Desktop. USER is a username, an alias or a user id.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> carol',
    '<%= config.bin %> <%= command.id %> carol --csv',
  ]

  static override flags = listFlags('listuserdesktopauthenticators')
  static override summary = 'List a user\'s Duo Desktop authenticators'
  protected readonly listing: Listing = {
    defaultColumns: ['device_name', 'os_family', 'duo_desktop_version', 'dakey', 'daid'],
    noun: 'authenticators',
    operation: 'listuserdesktopauthenticators',
  }
}
