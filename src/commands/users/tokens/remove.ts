import {UserLinkRemoveCommand, userLinks} from '../../../cli/user-link-command.js'

export default class UsersTokensRemove extends UserLinkRemoveCommand<typeof UsersTokensRemove> {
  static override args = userLinks.token.args
  static override description = 'The token itself is not deleted. Asks first (default no); without a terminal pass --yes.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> alice DHXXXXXXXXXXXXXXXXXX --yes',
  ]

  static override summary = 'Detach a hardware token from a user'
  protected readonly link = userLinks.token
}
