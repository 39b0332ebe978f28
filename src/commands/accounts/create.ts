import {Args} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {type Row, renderRecord} from '../../cli/output.js'
import {call} from '../../core/call.js'

export default class AccountsCreate extends ApiCommand<typeof AccountsCreate> {
  static override args = {
    name: Args.string({description: 'The new child account\'s name', required: true}),
  }

  static override description =
    'Creates a child account of the MSP parent account, with the parent\'s Accounts API keys (POST /accounts/v1/account/create on the parent\'s host). Prints it with its account_id and api_hostname; with --json, Duo\'s account object.'

  static override examples = ['<%= config.bin %> <%= command.id %> "Initech"', '<%= config.bin %> <%= command.id %> "Initech" --json | jq -r .account_id']
  static override summary = 'Create a child account of an MSP parent account'

  async run(): Promise<Row> {
    const {response: account} = await call<Row>(await this.client(), 'createaccount', {name: this.args.name})
    this.show(() => renderRecord(account))
    return account
  }
}
