import {DeviceGetCommand, deviceArg} from '../../cli/device-command.js'
import {bypassCodeDevice} from '../../cli/devices.js'

export default class BypassCodesGet extends DeviceGetCommand<typeof BypassCodesGet> {
  static override args = deviceArg('The bypass code’s id (bypass_code_id)')
  static override description = 'With --json: Duo’s whole object.'
  static override examples = ['<%= config.bin %> <%= command.id %> DBXXXXXXXXXXXXXXXXXX']
  static override summary = 'Show one bypass code’s metadata'
  protected readonly device = bypassCodeDevice
}
