import {DeviceGetCommand, deviceArg} from '../../cli/device-command.js'
import {desktopAuthenticatorDevice} from '../../cli/devices.js'

export default class DesktopAuthenticatorsGet extends DeviceGetCommand<typeof DesktopAuthenticatorsGet> {
  static override args = deviceArg('The desktop authenticator’s dakey')
  static override description = 'With --json: Duo’s whole object.'
  static override examples = ['<%= config.bin %> <%= command.id %> DAKEYXXXXXXXXXXXXXXX']
  static override summary = 'Show one Duo Desktop authenticator'
  protected readonly device = desktopAuthenticatorDevice
}
