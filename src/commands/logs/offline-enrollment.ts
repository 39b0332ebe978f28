import type {LogRow} from '../../core/log-kinds.js'
import {LogCommand, logFlags} from '../../cli/log-command.js'
import {offlineView} from '../../cli/log-views.js'

export default class LogsOfflineEnrollment extends LogCommand<typeof LogsOfflineEnrollment> {
  static override description =
    'Reads Duo\'s offline enrollment log (Duo Windows Logon offline access): users provisioned, deprovisioned and re-enrolled, with the host and factor.'

  static override examples = ['<%= config.bin %> <%= command.id %> --since 30d', '<%= config.bin %> <%= command.id %> --since 30d --json']
  static override flags = {...logFlags}
  static override summary = 'Read the offline enrollment log'
  protected readonly defaultColumns = ['time', 'user', 'action', 'integration', 'description'] as const
  protected readonly logName = 'offline-enrollment' as const

  protected view(row: LogRow): LogRow {
    return offlineView(row)
  }
}
