import {Flags} from '@oclif/core'

import {AUTH_EVENT_TYPES, AUTH_FACTORS, AUTH_REASONS, AUTH_RESULTS} from '../../core/catalog/logs.js'
import type {LogRow} from '../../core/log-kinds.js'
import {LogCommand, logFlags} from '../../cli/log-command.js'
import {AUTH_COLUMNS, authView} from '../../cli/log-views.js'

const INTEGRATION_KEY = /^DI[0-9A-Z]{18}$/

export default class LogsAuth extends LogCommand<typeof LogsAuth> {
  static override description =
    'Reads Duo\'s authentication log (v2): time, user, application, result, reason, factor, device, IP and location, times in UTC. One page, newest first (the next page\'s cursor is noted on stderr), or with --all every page of the window oldest first; --json prints Duo\'s rows (an array, or NDJSON with --all). --checkpoint/--output exports and resumes exactly; --follow keeps printing new events.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> --since 1h --result denied',
    '<%= config.bin %> <%= command.id %> --user alice --user bob --since 7d',
    '<%= config.bin %> <%= command.id %> --since 2026-11-01 --until 2026-11-02 --all --json > auth.ndjson',
    '<%= config.bin %> <%= command.id %> --since 30d --checkpoint auth.ckpt --output auth.ndjson',
    '<%= config.bin %> <%= command.id %> --follow --reason locked_out',
  ]

  static override flags = {
    ...logFlags,
    app: Flags.string({description: 'Only this application: an integration key (DI…), or a name matched against the applications in the log; repeatable', multiple: true}),
    'event-type': Flags.string({description: 'authentication or enrollment; repeatable', multiple: true, options: [...AUTH_EVENT_TYPES]}),
    factor: Flags.string({description: 'Only this factor, e.g. duo_push, phone_call, sms_passcode, passcode; repeatable', multiple: true, options: [...AUTH_FACTORS]}),
    group: Flags.string({description: 'Only members of this group (a name or a DG… id); repeatable', multiple: true}),
    reason: Flags.string({description: 'Only this reason, e.g. locked_out, no_response, denied_by_policy, invalid_passcode; repeatable', multiple: true, options: [...AUTH_REASONS]}),
    result: Flags.string({description: 'success, denied or fraud; repeatable', multiple: true, options: [...AUTH_RESULTS]}),
    user: Flags.string({description: 'Only this user (a username, an alias or a DU… id); repeatable', multiple: true}),
  }

  static override summary = 'Read the authentication log'
  protected readonly defaultColumns = AUTH_COLUMNS
  protected readonly logName = 'auth' as const

  protected override filters(): Record<string, unknown> {
    const {app = [], 'event-type': eventTypes, factor, group, reason, result, user} = this.flags
    const keys = app.filter((a) => INTEGRATION_KEY.test(a))
    return {applications: keys.length > 0 && keys.length === app.length ? keys : undefined, event_types: eventTypes, factors: factor, groups: group, reasons: reason, results: result, users: user}
  }

  /** Application names are matched here (Duo filters by integration key only), case-insensitively, as part of the name. */
  protected override keep(): ((row: LogRow) => boolean) | undefined {
    const app = this.flags.app ?? []
    if (app.length === 0 || app.every((a) => INTEGRATION_KEY.test(a))) return undefined
    const wanted = app.map((a) => a.toLowerCase())
    return (row) => {
      const application = row.application as {key?: string; name?: string} | undefined
      return wanted.some((w) => application?.key?.toLowerCase() === w || (application?.name ?? '').toLowerCase().includes(w))
    }
  }

  protected view(row: LogRow): LogRow {
    return authView(row)
  }
}
