import {DeviceGetCommand, deviceArg} from '../../cli/device-command.js'
import {phoneDevice} from '../../cli/devices.js'

export default class PhonesGet extends DeviceGetCommand<typeof PhonesGet> {
  static override args = deviceArg('The phone: its id (DP…) or its number (+15550100001)')
  static override description = 'The phone\'s fields and the users it is attached to; LAST_SEEN is UTC. With --json: Duo\'s whole object.'
  static override examples = ['<%= config.bin %> <%= command.id %> +15550100001', '<%= config.bin %> <%= command.id %> DPXXXXXXXXXXXXXXXXXX --json']
  static override summary = 'Show one phone'
  protected readonly device = phoneDevice
}
