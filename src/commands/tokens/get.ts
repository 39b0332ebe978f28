import {DeviceGetCommand, deviceArg} from '../../cli/device-command.js'
import {tokenDevice} from '../../cli/devices.js'

export default class TokensGet extends DeviceGetCommand<typeof TokensGet> {
  static override args = deviceArg('The hardware token id (DH…)')
  static override description = 'The token\'s type, serial and users. Duo never returns a token\'s secrets. With --json: Duo\'s whole object.'
  static override examples = ['<%= config.bin %> <%= command.id %> DHXXXXXXXXXXXXXXXXXX']
  static override summary = 'Show one hardware token'
  protected readonly device = tokenDevice
}
