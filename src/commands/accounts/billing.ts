import {ApiCommand} from '../../cli/api-command.js'
import {renderTable} from '../../cli/output.js'
import {ExitCode} from '../../core/errors.js'
import {type AccountBilling, childrenBilling, readBilling} from '../../tasks/account-billing.js'

export default class AccountsBilling extends ApiCommand<typeof AccountsBilling> {
  static override description =
    'For every child account (or only the one named by --account), its edition (the plan: Duo Essentials, Advantage, Premier or Free) and telephony credits, read on the child\'s host with the parent\'s keys (GET /admin/v1/billing/edition and /admin/v1/billing/telephony_credits, as duo_client_python\'s AccountAdmin). A child that refuses (403 when the parent lacks billing access) is reported in its row, and the command then exits 1. With --json: [{account_id, name, edition, plan, telephony_credits, error?}].'

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --account "Acme Dental" --json',
    '<%= config.bin %> <%= command.id %> --json | jq -r \'.[] | select(.telephony_credits < 100) | .name\'',
  ]

  static override summary = 'Show each child account\'s edition and telephony credits'

  async run(): Promise<AccountBilling[]> {
    const {client, credentials} = await this.session()
    const rows = credentials.account ? [await readBilling(client, credentials.account)] : await childrenBilling(credentials, {version: this.config.version, ...this.reporting()})
    const refused = rows.filter((row) => row.error !== undefined)
    const columns = ['name', 'account_id', 'plan', 'edition', 'telephony_credits', ...(refused.length > 0 ? ['error'] : [])]
    this.show(() => renderTable(rows.map((row) => ({...row, edition: row.edition ?? '', plan: row.plan ?? '', telephony_credits: row.telephony_credits ?? ''})), columns))
    if (refused.length > 0) this.failAfter(rows, ExitCode.error)
    return rows
  }
}
