import {ApiCommand} from '../../cli/api-command.js'
import {paramsFromFlags, stringParamFlags} from '../../cli/catalog-flags.js'
import {call} from '../../core/call.js'
import {type Row, renderRecord} from '../../cli/output.js'
import {askForValue} from '../../cli/prompts.js'
import {yesFlag} from '../../cli/flags.js'
import {confirmWeakening} from '../../cli/weakening-confirm.js'

const OPERATION = 'creategroup'

export default class GroupsCreate extends ApiCommand<typeof GroupsCreate> {
  static override description =
    'On a terminal a missing --name is asked for; without one it is a usage error. --status bypass (members skip two-factor) and --status disabled (members are denied) ask first (--yes without a terminal). Prints the new group; with --json, the group object.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> --name Finance --desc "Finance team"',
    '<%= config.bin %> <%= command.id %> --name Kiosks --status bypass --yes --json | jq -r .group_id',
  ]

  static override flags = {...stringParamFlags(OPERATION, ['desc', 'name', 'status']), ...yesFlag}

  static override summary = 'Create a group'

  async run(): Promise<Row> {
    const name = this.flags.name ?? (await askForValue(this.prompt, {flag: '--name', message: 'Group name'}))
    const input = paramsFromFlags(OPERATION, {...this.flags, name})
    await confirmWeakening(this.prompt, OPERATION, input, name, this.flags.yes)
    const {response: group} = await call<Row>(await this.client(), OPERATION, input)
    this.show(() => renderRecord(group))
    return group
  }
}
