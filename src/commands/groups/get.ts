import {RecordCommand} from '../../cli/record-command.js'
import {call} from '../../core/call.js'
import {groupArg} from '../../cli/named-args.js'
import {type Row, renderRecord} from '../../cli/output.js'

export default class GroupsGet extends RecordCommand<typeof GroupsGet> {
  static override args = {group: groupArg}
  static override description = 'GROUP is the group\'s name or id (DG…). With --json: the group object. --fields prints only the fields named, --query applies a JMESPath expression to the JSON.'
  static override examples = ['<%= config.bin %> <%= command.id %> Engineering', '<%= config.bin %> <%= command.id %> DGXXXXXXXXXXXXXXXXXX --json']
  static override summary = 'Show one group'

  async run(): Promise<unknown> {
    const {response: group} = await call<Row>(await this.client(), 'getgroupv2', {group_id: this.args.group})
    return this.record(group, () => renderRecord(group))
  }
}
