import {ApiCommand} from '../../cli/api-command.js'
import {accountPhoneArg} from '../../cli/named-args.js'
import {yesFlag} from '../../cli/flags.js'
import {confirmOrAbort} from '../../cli/prompts.js'
import {call, resolveNames} from '../../core/call.js'
import {getOperation} from '../../core/catalog/index.js'

export default class PhonesSendPasscodes extends ApiCommand<typeof PhonesSendPasscodes> {
  static override args = {id: accountPhoneArg}
  static override description =
    'Duo texts the phone a fresh batch of passcodes for logging in without Duo Mobile; the previous batch stops working. It reaches a person, so this asks first (default no; without a terminal pass --yes).'

  static override examples = ['<%= config.bin %> <%= command.id %> +15550100002', '<%= config.bin %> <%= command.id %> DPXXXXXXXXXXXXXXXXXX --yes']
  static override flags = yesFlag
  static override summary = 'Text a phone a new batch of SMS passcodes'

  async run(): Promise<{phone_id: string}> {
    const {id} = this.args
    await confirmOrAbort(this.prompt, `Text a new batch of SMS passcodes to phone ${id}? Its previous passcodes stop working.`, this.flags.yes)
    const client = await this.client()
    const ids = (await resolveNames(client, getOperation('sendphonesmspasscodes'), {phone_id: id})) as {phone_id: string}
    await call(client, 'sendphonesmspasscodes', ids)
    this.note(`Texted new SMS passcodes to phone ${id}.`)
    return ids
  }
}
