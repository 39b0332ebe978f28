import {Args} from '@oclif/core'

import {ApiCommand} from '../../../cli/api-command.js'
import {paramFlag} from '../../../cli/catalog-flags.js'
import {yesFlag} from '../../../cli/flags.js'
import {call} from '../../../core/call.js'
import {type Row, renderRecord} from '../../../cli/output.js'
import {askForValue, confirmOrAbort} from '../../../cli/prompts.js'

const OPERATION = 'syncdirectoryuser'

export default class UsersDirectorySyncRun extends ApiCommand<typeof UsersDirectorySyncRun> {
  static override args = {
    directory_key: Args.string({description: 'The directory key (from `duo users directory-sync list`)', required: true}),
  }

  static override description =
    'Syncs one user from a directory now instead of waiting for the next scheduled sync: the directory decides whether the user is created, updated or marked for deletion (and so loses access). Asks first (default no); without a terminal pass --yes. Prints the synced user; with --json, the user object.'

  static override examples = ['<%= config.bin %> <%= command.id %> DDXXXXXXXXXXXXXXXXXX --username alice --yes']
  static override flags = {
    username: paramFlag.string(OPERATION, 'username'),
    ...yesFlag,
  }

  static override summary = 'Sync one user from a directory now'

  async run(): Promise<Row> {
    const key = this.args.directory_key
    const username = this.flags.username ?? (await askForValue(this.prompt, {flag: '--username', message: 'Username in the directory'}))
    await confirmOrAbort(
      this.prompt,
      `Sync ${username} from directory ${key} now? The directory decides: the user may be created, changed, or marked for deletion and lose access.`,
      this.flags.yes,
    )
    const {response: user} = await call<Row>(await this.client(), OPERATION, {directory_key: key, username})
    this.show(() => renderRecord(user))
    return user
  }
}
