import {UserLinkRemoveCommand, userLinks} from '../../../cli/user-link-command.js'

export default class UsersPhonesRemove extends UserLinkRemoveCommand<typeof UsersPhonesRemove> {
  static override args = userLinks.phone.args
  static override description = 'The phone itself is not deleted. Asks first (default no); without a terminal pass --yes.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> bob DPXXXXXXXXXXXXXXXXXX --yes',
  ]

  static override summary = 'Detach a phone from a user'
  protected readonly link = userLinks.phone
}
