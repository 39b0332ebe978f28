import {ApiCommand} from '../../cli/api-command.js'
import {paramsFromFlags, stringParamFlags} from '../../cli/catalog-flags.js'
import {call} from '../../core/call.js'
import {type Row, renderRecord} from '../../cli/output.js'
import {askForValue} from '../../cli/prompts.js'

const OPERATION = 'creategroup'

export default class GroupsCreate extends ApiCommand<typeof GroupsCreate> {
  static override description =
    'On a terminal a missing --name is asked for; without one it is a usage error. Prints the new group; with --json, the group object.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> --name Finance --desc "Finance team"',
    '<%= config.bin %> <%= command.id %> --name Kiosks --status bypass --json | jq -r .group_id',
  ]

  static override flags = stringParamFlags(OPERATION, ['desc', 'name', 'status'])

  static override summary = 'Create a group'

  async run(): Promise<Row> {
    const name = this.flags.name ?? (await askForValue(this.prompt, {flag: '--name', message: 'Group name'}))
    const {response: group} = await call<Row>(await this.client(), OPERATION, paramsFromFlags(OPERATION, {...this.flags, name}))
    this.show(() => renderRecord(group))
    return group
  }
}
