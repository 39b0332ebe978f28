import {Flags} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {accountPhoneArg} from '../../cli/named-args.js'
import {secondsFlag, yesFlag} from '../../cli/flags.js'
import {confirmOrAbort} from '../../cli/prompts.js'
import {terminalQr} from '../../cli/qr.js'
import {call, resolveNames} from '../../core/call.js'
import {getOperation} from '../../core/catalog/index.js'
import {UsageError} from '../../core/errors.js'
import {formatSeconds} from '../../core/durations.js'

interface Activation {
  activation_url?: string
  activation_barcode: string
  activation_msg?: string
  installation_url?: string
  installation_msg?: string
  valid_secs: number
}

export default class PhonesActivate extends ApiCommand<typeof PhonesActivate> {
  static override args = {id: accountPhoneArg}
  static override description = [
    'Prints the Duo Mobile activation link on stdout and, on a terminal, a QR code of it to scan from the screen; with --sms Duo texts the link to the phone instead.',
    'Either way the phone\'s current Duo Mobile activation stops working until the person uses the new link, so this asks first (default no; without a terminal pass --yes).',
    'The phone needs a known type and platform (set them with `duo phones update`). --valid-secs takes seconds or a span: 90s, 15m, 12h, 7d (Duo\'s default 1 day).',
  ].join(' ')

  static override examples = [
    '<%= config.bin %> <%= command.id %> +15551234567',
    '<%= config.bin %> <%= command.id %> +15551234567 --sms --valid-secs 1h --yes',
    '<%= config.bin %> <%= command.id %> DPXXXXXXXXXXXXXXXXXX --sms --install --activation-msg "Your new Duo link: <acturl>"',
  ]

  static override flags = {
    'activation-msg': Flags.string({dependsOn: ['sms'], description: 'With --sms: the text to send; must contain <acturl>'}),
    install: Flags.boolean({description: 'Also give a link to install Duo Mobile (with --sms: texted first)'}),
    'installation-msg': Flags.string({dependsOn: ['sms', 'install'], description: 'With --sms --install: the installation text; must contain <insturl>'}),
    sms: Flags.boolean({description: 'Text the activation link to the phone instead of printing it'}),
    'valid-secs': secondsFlag('createphoneactivationurl', 'valid_secs'),
    ...yesFlag,
  }

  static override summary = 'Give a phone a new Duo Mobile activation link (printed with a QR code, or texted)'

  async run(): Promise<Activation & {phone_id: string}> {
    const {id} = this.args
    const {'activation-msg': activationMsg, install, 'installation-msg': installationMsg, sms, 'valid-secs': validSecs, yes} = this.flags
    for (const [text, placeholder, flag] of [[activationMsg, '<acturl>', '--activation-msg'], [installationMsg, '<insturl>', '--installation-msg']] as const) {
      if (text !== undefined && !text.includes(placeholder)) throw new UsageError(`${flag} must contain ${placeholder}, where Duo puts the link.`)
    }

    const question = sms
      ? `Text a Duo Mobile activation link to phone ${id}? It reaches the person, and the phone's current Duo Mobile activation stops working.`
      : `Create a new Duo Mobile activation link for phone ${id}? The phone's current Duo Mobile activation stops working until it is used.`
    await confirmOrAbort(this.prompt, question, yes)
    const client = await this.client()
    const operation = sms ? 'sendphonesmsactivation' : 'createphoneactivationurl'
    const {phone_id: phoneId} = (await resolveNames(client, getOperation(operation), {phone_id: id})) as {phone_id: string}
    const input = {
      activation_msg: activationMsg,
      install: install ? 1 : undefined,
      installation_msg: installationMsg,
      phone_id: phoneId,
      valid_secs: validSecs,
    }
    const {response} = await call<Activation>(client, operation, input)
    const lasts = `valid for ${formatSeconds(response.valid_secs)}`
    if (sms) {
      if (response.installation_msg) this.note(`Texted the installation link: "${response.installation_msg}"`)
      this.note(`Texted the activation link to phone ${id} (${lasts}): "${response.activation_msg}"`)
    } else {
      this.show(() => response.activation_url!)
      // Our own drawing, in terminal colours: written as it is (note() would show its escapes as text).
      if (!this.jsonEnabled() && process.stderr.isTTY) this.logToStderr(await terminalQr(response.activation_url!))
      this.note(`Activation link for phone ${id}, ${lasts}. Open it on the phone, or scan the QR code with its camera.`)
      if (response.installation_url) this.note(`Install Duo Mobile first: ${response.installation_url}`)
    }

    return {...response, phone_id: phoneId}
  }
}
