import {ApiCommand} from '../cli/api-command.js'
import {type Row, renderTable} from '../cli/output.js'
import {call} from '../core/call.js'

/** The summary's fields in the order a person reads them, with what each counts. */
const COUNTS: ReadonlyArray<[field: string, what: string]> = [
  ['user_count', 'users'],
  ['user_pending_deletion_count', 'users in the Trash'],
  ['admin_count', 'administrators'],
  ['integration_count', 'integrations'],
  ['telephony_credits_remaining', 'telephony credits left'],
]

export default class Info extends ApiCommand<typeof Info> {
  static override description =
    'Counts of users (and users in the Trash, pending deletion), administrators, integrations and the telephony credits left. Needs the "Grant read information" permission. With --json: Duo\'s summary object.'

  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json | jq .telephony_credits_remaining']
  static override summary = 'Show the account\'s summary: users, administrators, integrations, telephony credits'

  async run(): Promise<Row> {
    const {response: summary} = await call<Row>(await this.client(), 'getinfosummary')
    this.show(() => renderTable(COUNTS.map(([field, what]) => ({count: summary[field] ?? '', what})), ['what', 'count']))
    return summary
  }
}
