import {UserLinkAddCommand, userLinks} from '../../../cli/user-link-command.js'

export default class UsersTokensAdd extends UserLinkAddCommand<typeof UsersTokensAdd> {
  static override args = userLinks.token.args
  static override description = 'The token must exist already (find its id with `duo users tokens list` on its current owner).'
  static override examples = [
    '<%= config.bin %> <%= command.id %> alice DHXXXXXXXXXXXXXXXXXX',
  ]

  static override summary = 'Attach an existing hardware token to a user'
  protected readonly link = userLinks.token
}
