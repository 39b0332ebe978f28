import type {LogRow} from '../../core/log-kinds.js'
import {LogCommand, logFlags} from '../../cli/log-command.js'
import {activityView} from '../../cli/log-views.js'

export default class LogsActivity extends LogCommand<typeof LogsActivity> {
  static override description =
    'Reads Duo\'s activity log (a Duo public preview): actions by administrators, users and systems, with the actor, the target and the outcome. Not a user\'s logins: for those, `duo users logins USER`.'

  static override examples = ['<%= config.bin %> <%= command.id %> --since 7d', '<%= config.bin %> <%= command.id %> --since 30d --all --json']
  static override flags = {...logFlags}
  static override summary = 'Read the activity log'
  protected readonly defaultColumns = ['time', 'action', 'actor', 'target', 'target_type', 'outcome', 'ip'] as const
  protected readonly logName = 'activity' as const

  protected view(row: LogRow): LogRow {
    return activityView(row)
  }
}
