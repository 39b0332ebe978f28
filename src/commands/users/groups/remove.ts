import {UserLinkRemoveCommand, userLinks} from '../../../cli/user-link-command.js'

export default class UsersGroupsRemove extends UserLinkRemoveCommand<typeof UsersGroupsRemove> {
  static override args = userLinks.group.args
  static override description = 'Asks first (default no); without a terminal pass --yes. Succeeds even if the user was not a member.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> alice Contractors',
    '<%= config.bin %> <%= command.id %> alice Contractors --yes',
  ]

  static override summary = 'Remove a user from a group'
  protected readonly link = userLinks.group
}
