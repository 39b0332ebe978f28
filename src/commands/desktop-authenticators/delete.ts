import {DeviceDeleteCommand, deviceArg} from '../../cli/device-command.js'
import {desktopAuthenticatorDevice} from '../../cli/devices.js'

export default class DesktopAuthenticatorsDelete extends DeviceDeleteCommand<typeof DesktopAuthenticatorsDelete> {
  static override args = deviceArg('The desktop authenticator’s dakey')
  static override description = 'Asks first (default no); without a terminal pass --yes.'
  static override examples = ['<%= config.bin %> <%= command.id %> DAKEYXXXXXXXXXXXXXXX --yes']
  static override summary = 'Delete a Duo Desktop authenticator'
  protected readonly device = desktopAuthenticatorDevice
}
