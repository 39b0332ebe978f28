import {Args, Flags} from '@oclif/core'

import {ExitCode} from '../core/errors.js'
import {ApiCommand} from '../cli/api-command.js'
import {type BulkEntry, type BulkResult, bulkQuestion, callCount, readBulkFile, resultLine, runBulk} from '../tasks/bulk-file.js'
import {yesFlag} from '../cli/flags.js'
import {confirmOrAbort} from '../cli/prompts.js'
import {spoolInput} from '../tasks/stdin-file.js'

export default class Bulk extends ApiCommand<typeof Bulk> {
  static override args = {
    file: Args.string({description: 'JSON file: {"operations": [{"method", "path", "body"}, …]} or the bare array (- reads standard input)', required: true}),
  }

  static override description = `Each operation is {"method", "path", "body"}: POST /admin/v1/users (create), POST /admin/v1/users/{user_id} (modify), DELETE /admin/v1/users/{user_id}, POST /admin/v1/users/{user_id}/groups (add to a group, body {"group_id"}), DELETE /admin/v1/users/{user_id}/groups/{group_id}. The whole file is checked before anything is sent, then run 50 operations per call. Operations run independently: one failing does not stop the others.

Prints one line per operation: its number, OK or FAIL with Duo's code and message. With --json: the array of results ({stat, response} or {stat, code, message, message_detail}). Exit status 1 if any operation failed. Asks first (default no), saying how many operations delete and how many set a user's status to bypass or disabled; without a terminal pass --yes.`

  static override examples = [
    '<%= config.bin %> <%= command.id %> ops.json --dry-run',
    '<%= config.bin %> <%= command.id %> ops.json',
    '<%= config.bin %> <%= command.id %> ops.json --yes --json | jq \'map(select(.stat == "FAIL"))\'',
  ]

  static override flags = {
    'dry-run': Flags.boolean({description: 'Check the file and print what would be sent, without sending anything'}),
    ...yesFlag,
  }

  static override summary = 'Run many user operations from a JSON file (POST /admin/v1/bulk)'

  async run(): Promise<BulkEntry[] | BulkResult[]> {
    const file = this.args.file === '-' ? 'standard input' : this.args.file
    const entries = this.args.file === '-' ? await this.readStdinFile() : readBulkFile(file)
    if (this.flags['dry-run']) {
      for (const [i, entry] of entries.entries()) this.log(resultLine(i + 1, entry))
      this.note(`Dry run: ${entries.length} operations in ${callCount(entries)} call(s); nothing was sent.`)
      return entries
    }

    await confirmOrAbort(this.prompt, bulkQuestion(file, entries), this.flags.yes)
    const results = await runBulk(await this.client(), entries, (batch, first) => {
      for (const [i, result] of batch.entries()) this.log(resultLine(first + i + 1, entries[first + i], result))
    })
    const failed = results.filter((r) => r.stat !== 'OK').length
    if (failed > 0) {
      this.note(`${failed} of ${entries.length} operations failed.`)
      this.failAfter(results, ExitCode.error)
    }

    return results
  }

  private async readStdinFile(): Promise<BulkEntry[]> {
    const spooled = await spoolInput(process.stdin, this.config.configDir)
    try {
      return readBulkFile(spooled.path)
    } finally {
      spooled.remove()
    }
  }
}
