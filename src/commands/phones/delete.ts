import {DeviceDeleteCommand} from '../../cli/device-command.js'
import {accountPhoneArg} from '../../cli/named-args.js'
import {phoneDevice} from '../../cli/devices.js'

export default class PhonesDelete extends DeviceDeleteCommand<typeof PhonesDelete> {
  static override args = {id: accountPhoneArg}
  static override description =
    'The phone is removed from Duo and detached from every user who has it. To take it from one user only, use `duo users phones remove`. Asks first (default no); without a terminal pass --yes.'

  static override examples = ['<%= config.bin %> <%= command.id %> DPXXXXXXXXXXXXXXXXXX --yes', '<%= config.bin %> <%= command.id %> +15550100001']
  static override summary = 'Delete a phone'
  protected readonly device = phoneDevice
}
