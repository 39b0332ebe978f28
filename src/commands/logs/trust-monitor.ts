import {Flags} from '@oclif/core'

import {TRUST_MONITOR_TYPES} from '../../core/catalog/logs.js'
import type {LogRow} from '../../core/log-kinds.js'
import {LogCommand, logFlags} from '../../cli/log-command.js'
import {trustMonitorView} from '../../cli/log-views.js'

export default class LogsTrustMonitor extends LogCommand<typeof LogsTrustMonitor> {
  static override description =
    'Reads the events Duo Trust Monitor surfaced: anomalous authentications (with Duo\'s explanation) and users or groups put in bypass.'

  static override examples = ['<%= config.bin %> <%= command.id %> --since 30d', '<%= config.bin %> <%= command.id %> --type auth --since 7d --json']

  static override flags = {
    ...logFlags,
    type: Flags.string({description: 'auth (anomalous authentications) or bypass_status_enabled', options: [...TRUST_MONITOR_TYPES]}),
  }

  static override summary = 'Read Trust Monitor events'
  protected readonly defaultColumns = ['time', 'type', 'user', 'summary', 'state', 'priority', 'sekey'] as const
  protected readonly logName = 'trust-monitor' as const

  protected override filters(): Record<string, unknown> {
    return {type: this.flags.type}
  }

  protected view(row: LogRow): LogRow {
    return trustMonitorView(row)
  }
}
