import {DeviceDeleteCommand, deviceArg} from '../../cli/device-command.js'
import {webauthnDevice} from '../../cli/devices.js'

export default class WebauthnDelete extends DeviceDeleteCommand<typeof WebauthnDelete> {
  static override args = deviceArg('The credential’s webauthnkey (WA…)')
  static override description = 'Asks first (default no); without a terminal pass --yes.'
  static override examples = ['<%= config.bin %> <%= command.id %> WAXXXXXXXXXXXXXXXXXX --yes']
  static override summary = 'Delete a WebAuthn credential (its owner loses it)'
  protected readonly device = webauthnDevice
}
