import {DeviceGetCommand} from '../../cli/device-command.js'
import {accountPhoneArg} from '../../cli/named-args.js'
import {phoneDevice} from '../../cli/devices.js'

export default class PhonesGet extends DeviceGetCommand<typeof PhonesGet> {
  static override args = {id: accountPhoneArg}
  static override description = 'The phone\'s fields and the users it is attached to; LAST_SEEN is UTC. With --json: Duo\'s whole object.'
  static override examples = ['<%= config.bin %> <%= command.id %> +15550100001', '<%= config.bin %> <%= command.id %> DPXXXXXXXXXXXXXXXXXX --json']
  static override summary = 'Show one phone'
  protected readonly device = phoneDevice
}
