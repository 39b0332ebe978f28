import {Flags} from '@oclif/core'

import type {LogRow} from '../../core/log-kinds.js'
import {LogCommand, logFlags} from '../../cli/log-command.js'
import {adminView} from '../../cli/log-views.js'

export default class LogsAdmin extends LogCommand<typeof LogsAdmin> {
  static override description =
    'Reads Duo\'s administrator log: who changed what (API for Admin API calls), with Duo\'s action names such as user_create, group_update, phone_delete, admin_login. Duo pages it by time, a thousand entries at a time; duo hides that behind --all, --checkpoint and --follow. --action, --admin and --object filter the entries (Duo has no server-side filter for this log).'

  static override examples = [
    '<%= config.bin %> <%= command.id %> --since 7d',
    '<%= config.bin %> <%= command.id %> --action user_delete --since 30d',
    '<%= config.bin %> <%= command.id %> --admin "Jane Admin" --object alice --json',
  ]

  static override flags = {
    ...logFlags,
    action: Flags.string({description: 'Only this action, e.g. user_update, admin_login; repeatable', multiple: true}),
    admin: Flags.string({description: 'Only entries by this administrator (as the log names them, e.g. "Jane Admin" or API)'}),
    object: Flags.string({description: 'Only entries about this object (a username, group name, phone number …; part of it is enough)'}),
  }

  static override summary = 'Read the administrator log'
  protected readonly defaultColumns = ['time', 'admin', 'action', 'object', 'description'] as const
  protected readonly logName = 'admin' as const

  protected override keep(): ((row: LogRow) => boolean) | undefined {
    const actions = this.flags.action?.map((a) => a.toLowerCase())
    const admin = this.flags.admin?.toLowerCase()
    const object = this.flags.object?.toLowerCase()
    if (!actions && admin === undefined && object === undefined) return undefined
    return (row) =>
      (!actions || actions.includes(String(row.action).toLowerCase())) &&
      (admin === undefined || String(row.username ?? '').toLowerCase() === admin) &&
      (object === undefined || String(row.object ?? '').toLowerCase().includes(object))
  }

  protected view(row: LogRow): LogRow {
    return adminView(row)
  }
}
