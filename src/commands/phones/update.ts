import {ApiCommand} from '../../cli/api-command.js'
import {changesFromFlags} from '../../cli/catalog-flags.js'
import {accountPhoneArg} from '../../cli/named-args.js'
import {type Row, renderRecord} from '../../cli/output.js'
import {PHONE_SUMMARY, phoneFieldFlags} from '../../cli/phone-flags.js'
import {call} from '../../core/call.js'

export default class PhonesUpdate extends ApiCommand<typeof PhonesUpdate> {
  static override args = {id: accountPhoneArg}
  static override description = 'Changes only what you pass. Changing the number keeps the phone\'s users and Duo Mobile activation.'
  static override examples = [
    '<%= config.bin %> <%= command.id %> DPXXXXXXXXXXXXXXXXXX --platform "google android" --name "Work phone"',
    '<%= config.bin %> <%= command.id %> +15550100005 --extension 12 --predelay 2',
  ]

  static override flags = phoneFieldFlags('updatephone')
  static override summary = 'Change a phone'

  async run(): Promise<Row> {
    const changes = changesFromFlags('updatephone', this.flags)
    const {response: phone} = await call<Row>(await this.client(), 'updatephone', {...changes, phone_id: this.args.id})
    this.show(() => renderRecord(phone, PHONE_SUMMARY))
    this.note(`Updated phone ${String(phone.phone_id)}.`)
    return phone
  }
}
