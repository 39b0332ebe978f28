import {ApiCommand} from '../../cli/api-command.js'
import {paramsFromFlags} from '../../cli/catalog-flags.js'
import {type Row, renderRecord} from '../../cli/output.js'
import {PHONE_SUMMARY, phoneFieldFlags} from '../../cli/phone-flags.js'
import {call} from '../../core/call.js'

export default class PhonesCreate extends ApiCommand<typeof PhonesCreate> {
  static override description =
    'The phone is attached to nobody yet: `duo users phones add USER --number …` finds or creates the phone and attaches it in one step. For Duo Mobile give --platform (activation fails while it is unknown; generic smartphone if you do not know it). A number without + is taken as a US number.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> --number +15551234567 --type mobile --platform "apple ios"',
    '<%= config.bin %> <%= command.id %> --number +15557654321 --type landline --extension 204 --json',
  ]

  static override flags = phoneFieldFlags('createphone')
  static override summary = 'Create a phone'

  async run(): Promise<Row> {
    const {response: phone} = await call<Row>(await this.client(), 'createphone', paramsFromFlags('createphone', this.flags))
    this.show(() => renderRecord(phone, PHONE_SUMMARY))
    this.note(`Created phone ${String(phone.phone_id)}.`)
    return phone
  }
}
