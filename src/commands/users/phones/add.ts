import {UserLinkAddCommand, userLinks} from '../../../cli/user-link-command.js'

export default class UsersPhonesAdd extends UserLinkAddCommand<typeof UsersPhonesAdd> {
  static override args = userLinks.phone.args
  static override description = 'The phone must exist already (find its id with `duo users phones list`). A phone may be shared by several users.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> bob DPXXXXXXXXXXXXXXXXXX',
  ]

  static override summary = 'Attach an existing phone to a user'
  protected readonly link = userLinks.phone
}
