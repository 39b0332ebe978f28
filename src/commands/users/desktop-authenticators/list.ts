import {listFlags} from '../../../lib/flags.js'
import {UserListCommand} from '../../../lib/list-command.js'

export default class UsersDesktopAuthenticatorsList extends UserListCommand<typeof UsersDesktopAuthenticatorsList> {
  static override description =
    'The computers where the user runs Duo Desktop. USER is a username, an alias or a user id.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> carol',
    '<%= config.bin %> <%= command.id %> carol --csv',
  ]

  static override flags = listFlags(500)
  static override summary = 'List a user\'s Duo Desktop authenticators'
  protected readonly listing = {
    defaultColumns: ['device_name', 'os_family', 'duo_desktop_version', 'dakey', 'daid'],
    noun: 'authenticators',
    operation: 'listuserdesktopauthenticators',
  }
}
