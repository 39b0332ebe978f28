import {DeviceGetCommand, deviceArg} from '../../cli/device-command.js'
import {webauthnDevice} from '../../cli/devices.js'

export default class WebauthnGet extends DeviceGetCommand<typeof WebauthnGet> {
  static override args = deviceArg('The credential’s webauthnkey (WA…)')
  static override description = 'With --json: Duo’s whole object.'
  static override examples = ['<%= config.bin %> <%= command.id %> WAXXXXXXXXXXXXXXXXXX']
  static override summary = 'Show one WebAuthn credential'
  protected readonly device = webauthnDevice
}
