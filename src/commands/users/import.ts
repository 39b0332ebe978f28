import {Args, Flags} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {renderRecord, renderTable} from '../../cli/output.js'
import {printPlannedBatches, terminalImportProgress} from '../../cli/import-view.js'
import {type ImportSummary, describeImport, importFailure, importUsers} from '../../tasks/user-import.js'
import {type SpooledInput, spoolInput} from '../../tasks/stdin-file.js'
import {yesFlag} from '../../cli/flags.js'
import {confirmWeakeningRows} from '../../cli/weakening-confirm.js'
import {describeWeakeningRows} from '../../core/weakening.js'

export default class UsersImport extends ApiCommand<typeof UsersImport> {
  static override args = {
    file: Args.string({description: 'CSV with a header row, or a JSON array (- reads standard input); fields: username (required), realname, email, firstname, lastname, status, notes', required: true}),
  }

  static override description = `Every row is checked first; if any is bad, the bad rows are listed in one error (CSV line numbers, JSON item indexes; the first 50, then a count) and nothing is sent. Users then go to Duo in batches of 100, each recorded in FILE.duo-import.json as it completes. If the import is interrupted, run it again with --resume: finished batches are skipped, and users of a batch cut off mid-request are looked up so that none is created twice. The journal is removed when the import succeeds. Rows with status bypass (no two-factor) or disabled (no login) are confirmed once, with their count, before the first request (--yes without a terminal). With FILE "-" the file is read from standard input, and the journal is kept in the config folder under the input's SHA-256, so piping the same input again with --resume continues it.

With --json: {created, batches, users} (users only for files of up to 1,000 rows), or with --dry-run the batches that would be sent.`

  static override examples = [
    '<%= config.bin %> <%= command.id %> users.csv --dry-run',
    '<%= config.bin %> <%= command.id %> users.csv',
    '<%= config.bin %> <%= command.id %> users.csv --resume',
    '<%= config.bin %> <%= command.id %> users.json --json',
    'export-from-hr | <%= config.bin %> <%= command.id %> -',
  ]

  static override flags = {
    'dry-run': Flags.boolean({description: 'Check the file and print the batches that would be sent; send nothing', exclusive: ['resume', 'restart']}),
    restart: Flags.boolean({description: 'Forget an interrupted import of this file and start over', exclusive: ['resume']}),
    resume: Flags.boolean({description: 'Continue an interrupted import of this file, sending only what is left'}),
    ...yesFlag,
  }

  static override summary = 'Create users from a CSV or JSON file'

  private spooled?: SpooledInput

  async run(): Promise<ImportSummary | undefined> {
    if (this.args.file === '-') this.spooled = await spoolInput(process.stdin, this.config.configDir)
    const file = this.spooled?.path ?? this.args.file
    if (this.flags['dry-run']) {
      const planned = await printPlannedBatches(file, {json: this.jsonEnabled(), log: (text) => this.log(text)})
      const weakening = describeWeakeningRows(planned.weakening, 'row')
      this.note(`Dry run: ${planned.rows} users in ${planned.batches} ${planned.batches === 1 ? 'batch' : 'batches'}${weakening ? `; ${weakening}, asked about before a real run` : ''}; nothing was sent.`)
      return undefined
    }

    const summary = await importUsers(() => this.client(), {
      confirmWeakening: (checked) => confirmWeakeningRows(this.prompt, this.spooled ? 'standard input' : file, checked.weakening, 'row', this.flags.yes),
      file,
      note: (text) => this.note(text),
      progress: terminalImportProgress(),
      restart: this.flags.restart,
      resume: this.flags.resume,
    })
    const {users, ...counts} = summary
    // Counts as text: `created` is also the name of Duo's timestamp field, which a record shows as a date.
    const countLines = Object.fromEntries(Object.entries(counts).map(([key, value]) => [key, typeof value === 'number' ? String(value) : value]))
    this.log(users?.length ? renderTable(users, ['username', 'user_id', 'realname', 'email', 'status']) : renderRecord(countLines))
    this.note(describeImport(summary))
    const failure = importFailure(summary)
    if (failure) this.failAfter(summary, failure)

    return summary
  }

  override async finally(error: Error | undefined): Promise<unknown> {
    this.spooled?.remove()
    return super.finally(error)
  }
}
