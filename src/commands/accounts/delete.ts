import {Args} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {yesFlag} from '../../cli/flags.js'
import {confirmOrAbort} from '../../cli/prompts.js'
import type {ChildAccount} from '../../core/calls.js'
import {call} from '../../core/call.js'
import {resolveAccount} from '../../core/child-accounts.js'

export default class AccountsDelete extends ApiCommand<typeof AccountsDelete> {
  static override args = {
    account: Args.string({description: 'The child account: its name or account id (DA…)', required: true}),
  }

  static override description =
    'Permanent: the child account and everything in it (users, devices, applications) are deleted and cannot be restored. Asks first unless --yes; without a terminal, --yes is required. The name is looked up with `duo accounts list`\'s call; with --json, the deleted {account_id, name, api_hostname}.'

  static override examples = ['<%= config.bin %> <%= command.id %> "Initech"', '<%= config.bin %> <%= command.id %> DA9VZOC5X63I2W72NRP9 --yes --json']
  static override flags = yesFlag
  static override summary = 'Delete a child account of an MSP parent account, with everything in it'

  async run(): Promise<ChildAccount> {
    const {account} = this.args
    // Asked before any request, so a refusal (or no terminal and no --yes) sends nothing.
    await confirmOrAbort(this.prompt, `Delete the child account ${account} and everything in it (users, devices, applications)? This cannot be undone.`, this.flags.yes)
    const client = await this.client()
    const child = await resolveAccount(client, account)
    await call(client, 'deleteaccount', {account_id: child.account_id})
    this.note(`Deleted child account ${child.name} (${child.account_id}).`)
    return child
  }
}
