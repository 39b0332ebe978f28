import {UserLinkAddCommand, userLinks} from '../../../cli/user-link-command.js'

export default class UsersGroupsAdd extends UserLinkAddCommand<typeof UsersGroupsAdd> {
  static override args = userLinks.group.args
  static override description = 'GROUP is the group\'s name or id (DG…). Adding someone who is already a member changes nothing.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> alice Helpdesk',
    '<%= config.bin %> <%= command.id %> alice DGXXXXXXXXXXXXXXXXXX',
  ]

  static override summary = 'Add a user to a group'
  protected readonly link = userLinks.group
}
