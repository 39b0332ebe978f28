import {RecordCommand} from '../cli/record-command.js'
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

export default class Info extends RecordCommand<typeof Info> {
  static override description =
    'Counts of users (and users in the Trash, pending deletion), administrators, integrations and the telephony credits left. Needs the "Grant read information" permission. With --json: Duo\'s summary object; --fields picks fields of it (e.g. --fields user_count,telephony_credits_remaining).'

  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json | jq .telephony_credits_remaining']
  static override summary = 'Show the account\'s summary: users, administrators, integrations, telephony credits'

  async run(): Promise<unknown> {
    const {response: summary} = await call<Row>(await this.client(), 'getinfosummary')
    return this.record(summary, () => renderTable(COUNTS.map(([field, what]) => ({count: summary[field] ?? '', what})), ['what', 'count']))
  }
}
