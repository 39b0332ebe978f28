import {RecordCommand} from '../../../cli/record-command.js'
import {call} from '../../../core/call.js'
import {typedIdArg, userArg} from '../../../cli/named-args.js'
import {type Row, renderRecord} from '../../../cli/output.js'

export default class UsersVerifyPushResult extends RecordCommand<typeof UsersVerifyPushResult> {
  static override args = {
    user: userArg,
    push_id: typedIdArg('The push_id printed by `duo users verify-push send`'),
  }

  static override description =
    'Reads the answer once: approve, deny, fraud, or waiting while the person has not answered. Duo keeps it for 120 s after sending; later it is not found (exit 4). To wait for the answer, use `duo users verify-push send --wait`.'

  static override examples = ['<%= config.bin %> <%= command.id %> alice 0b0d2e6c-1c1a-4a8e-9c43-4a7f2c3e9d10 --json']
  static override summary = 'Read the answer to a verification push'

  async run(): Promise<unknown> {
    const {push_id: pushId, user} = this.args
    const {response} = await call<Row>(await this.client(), 'getverificationpushresponse', {push_id: pushId, user_id: user})
    return this.record(response, () => renderRecord(response))
  }
}
