import {Flags} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {accountPhoneArg} from '../../cli/named-args.js'
import {yesFlag} from '../../cli/flags.js'
import {confirmOrAbort} from '../../cli/prompts.js'
import {call, resolveNames} from '../../core/call.js'
import {getOperation} from '../../core/catalog/index.js'
import {UsageError} from '../../core/errors.js'

export default class PhonesSendInstallation extends ApiCommand<typeof PhonesSendInstallation> {
  static override args = {id: accountPhoneArg}
  static override description =
    'Duo texts the phone a link to install Duo Mobile (then activate it with `duo phones activate`). It reaches a person, so this asks first (default no; without a terminal pass --yes).'

  static override examples = [
    '<%= config.bin %> <%= command.id %> +15551234567',
    '<%= config.bin %> <%= command.id %> +15551234567 --installation-msg "Get Duo Mobile: <insturl>" --yes',
  ]

  static override flags = {
    'installation-msg': Flags.string({description: 'The text to send; must contain <insturl> (keep it under 80 characters)'}),
    ...yesFlag,
  }

  static override summary = 'Text a phone a link to install Duo Mobile'

  async run(): Promise<{installation_msg: string; phone_id: string}> {
    const {id} = this.args
    const text = this.flags['installation-msg']
    if (text !== undefined && !text.includes('<insturl>')) throw new UsageError('--installation-msg must contain <insturl>, where Duo puts the link.')
    await confirmOrAbort(this.prompt, `Text a Duo Mobile installation link to phone ${id}?`, this.flags.yes)
    const client = await this.client()
    const ids = (await resolveNames(client, getOperation('sendphonesmsinstallation'), {phone_id: id})) as {phone_id: string}
    const {response} = await call<{installation_msg: string}>(client, 'sendphonesmsinstallation', {...ids, installation_msg: text})
    this.note(`Texted phone ${id}: "${response.installation_msg}"`)
    return {...response, ...ids}
  }
}
