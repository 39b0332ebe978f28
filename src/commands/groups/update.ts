import {ApiCommand} from '../../cli/api-command.js'
import {changesFromFlags, stringParamFlags} from '../../cli/catalog-flags.js'
import {call} from '../../core/call.js'
import {groupArg} from '../../cli/named-args.js'
import {type Row, renderRecord} from '../../cli/output.js'
import {yesFlag} from '../../cli/flags.js'
import {confirmWeakening} from '../../cli/weakening-confirm.js'

const OPERATION = 'updategroup'

export default class GroupsUpdate extends ApiCommand<typeof GroupsUpdate> {
  static override args = {group: groupArg}
  static override description =
    'GROUP is the group\'s name or id (DG…). Only the fields you pass change; passing none is a usage error. Setting --status bypass lets the members skip two-factor and --status disabled denies them access, so both ask first (--yes without a terminal). Prints the group as it is now; with --json, the group object.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> Contractors --status disabled --yes',
    '<%= config.bin %> <%= command.id %> Engineering --name "Product Engineering" --desc "Builds the product"',
  ]

  static override flags = {...stringParamFlags(OPERATION, ['desc', 'name', 'status']), ...yesFlag}

  static override summary = 'Change a group\'s name, description or status'

  async run(): Promise<Row> {
    const changes = changesFromFlags(OPERATION, this.flags)
    await confirmWeakening(this.prompt, OPERATION, changes, this.args.group, this.flags.yes)
    const {response: group} = await call<Row>(await this.client(), OPERATION, {...changes, group_id: this.args.group})
    this.show(() => renderRecord(group))
    return group
  }
}
