import {DeviceDeleteCommand, deviceArg} from '../../cli/device-command.js'
import {tokenDevice} from '../../cli/devices.js'

export default class TokensDelete extends DeviceDeleteCommand<typeof TokensDelete> {
  static override args = deviceArg('The hardware token id (DH…)')
  static override description =
    'The token is detached from every user holding it. To take it from one user only, use `duo users tokens remove`. Asks first (default no); without a terminal pass --yes.'

  static override examples = ['<%= config.bin %> <%= command.id %> DHXXXXXXXXXXXXXXXXXX --yes']
  static override summary = 'Delete a hardware token'
  protected readonly device = tokenDevice
}
