import {Flags} from '@oclif/core'

import type {LogRow} from '../../core/log-kinds.js'
import {LogCommand, logFlags} from '../../cli/log-command.js'
import {telephonyView} from '../../cli/log-views.js'

export default class LogsTelephony extends LogCommand<typeof LogsTelephony> {
  static override description =
    'Reads Duo\'s telephony log: the SMS messages and phone calls Duo sent, their context and the credits they used. Uses the v2 log; --v1 reads the legacy v1 log for accounts without v2.'

  static override examples = ['<%= config.bin %> <%= command.id %> --since 7d', '<%= config.bin %> <%= command.id %> --since 30d --all --csv > telephony.csv', '<%= config.bin %> <%= command.id %> --v1']

  static override flags = {
    ...logFlags,
    v1: Flags.boolean({description: 'Read the legacy v1 telephony log (paged by time, 1000 at a time)'}),
  }

  static override summary = 'Read the telephony log'
  protected readonly defaultColumns = ['time', 'type', 'context', 'phone', 'credits'] as const

  protected get logName() {
    return this.flags.v1 ? ('telephony-v1' as const) : ('telephony' as const)
  }

  protected view(row: LogRow): LogRow {
    return telephonyView(this.logName)(row)
  }
}
