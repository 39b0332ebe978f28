import {Flags} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {utc} from '../../cli/log-command.js'
import {userArg} from '../../cli/named-args.js'
import {renderTable} from '../../cli/output.js'
import {LOG_KINDS, type LogRow} from '../../core/log-kinds.js'
import {parseSince} from '../../core/since.js'
import {type UserLogins, userLogins} from '../../tasks/user-logins.js'

export default class UsersLogins extends ApiCommand<typeof UsersLogins> {
  static override args = {user: userArg}

  static override description =
    'The helpdesk answer to "why was I denied?": the user\'s last authentications from Duo\'s authentication log, newest first, with each reason spelled out ("locked out after too many failed attempts", "no response", "denied by policy" …), and the user\'s status. --json prints {user, logins} with Duo\'s rows, each with reason_text added.'

  static override examples = ['<%= config.bin %> <%= command.id %> alice', '<%= config.bin %> <%= command.id %> ivan --since 30d', '<%= config.bin %> <%= command.id %> DUXXXXXXXXXXXXXXXXXX --json']

  static override flags = {
    limit: Flags.integer({default: 20, description: 'How many authentications to show (at most 1000)', max: 1000, min: 1}),
    since: Flags.string({default: '7d', description: 'How far back: a duration (24h, 7d, 30d) or an ISO date'}),
  }

  static override summary = 'Show a user\'s recent logins and why any were denied'

  async run(): Promise<UserLogins> {
    const now = Date.now()
    const since = parseSince(this.flags.since, '--since', now)
    const client = await this.client()
    const result = await userLogins(client, this.args.user, {limit: this.flags.limit, since, until: now})
    this.show(() => render(result, now))
    return result
  }
}

function render({logins, user}: UserLogins, now: number): string {
  const lines: string[] = []
  const name = user.username
  const status = String(user.status ?? '')
  if (status === 'locked out') {
    const why = user.lockout_reason ? ` (${String(user.lockout_reason)})` : ''
    lines.push(`${name} is locked out${why}: Duo denies every login until an administrator unlocks the account (duo users update ${name} --status active).`)
  } else if (status === 'disabled') {
    lines.push(`${name} is disabled: Duo denies every login (duo users update ${name} --status active to enable).`)
  } else if (status === 'bypass') {
    lines.push(`${name} is in bypass: Duo lets them in without a second factor.`)
  }

  const last = logins[0]
  if (!last) {
    lines.push(`No authentications for ${name} in this window. Try a longer --since (Duo keeps 180 days).`)
    return lines.join('\n')
  }

  const lastDenied = logins.find((row) => row.result !== 'success')
  const when = (row: LogRow) => `${ago(now - LOG_KINDS.auth.timeMs(row))} (${utc(LOG_KINDS.auth.timeMs(row))})`
  const app = (row: LogRow) => String((row.application as {name?: string} | undefined)?.name ?? 'an application')
  lines.push(`Last login: ${String(last.result)} ${when(last)} to ${app(last)}: ${String(last.reason_text)}.`)
  if (lastDenied && lastDenied !== last) lines.push(`Last denial: ${when(lastDenied)} to ${app(lastDenied)}: ${String(lastDenied.reason_text)}.`)
  lines.push('')
  const rows = logins.map((row) => {
    const access = row.access_device as {ip?: string; location?: {city?: string; country?: string}} | undefined
    return {
      app: app(row),
      device: (row.auth_device as {name?: string} | undefined)?.name,
      factor: row.factor,
      from: [access?.ip, [access?.location?.city, access?.location?.country].filter(Boolean).join(', ')].filter(Boolean).join(' '),
      result: row.result,
      time: utc(LOG_KINDS.auth.timeMs(row)),
      why: row.reason_text,
    }
  })
  lines.push(renderTable(rows, ['time', 'result', 'why', 'app', 'factor', 'device', 'from']))
  return lines.join('\n')
}

function ago(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`
}
