import {DeviceDeleteCommand, deviceArg} from '../../cli/device-command.js'
import {bypassCodeDevice} from '../../cli/devices.js'

export default class BypassCodesDelete extends DeviceDeleteCommand<typeof BypassCodesDelete> {
  static override args = deviceArg('The bypass code’s id (bypass_code_id)')
  static override description = 'Asks first (default no); without a terminal pass --yes.'
  static override examples = ['<%= config.bin %> <%= command.id %> DBXXXXXXXXXXXXXXXXXX --yes']
  static override summary = 'Delete a bypass code (it stops working at once)'
  protected readonly device = bypassCodeDevice
}
