import {Args, Flags} from '@oclif/core'

import {ApiCommand} from '../../../cli/api-command.js'
import {paramFlag} from '../../../cli/catalog-flags.js'
import {yesFlag} from '../../../cli/flags.js'
import {userArg} from '../../../cli/named-args.js'
import {askPlatform} from '../../../cli/phone-flags.js'
import {pickAccountPhone} from '../../../cli/pickers.js'
import {confirmOrAbort} from '../../../cli/prompts.js'
import {call, resolveNames} from '../../../core/call.js'
import {getOperation} from '../../../core/catalog/index.js'
import {UsageError} from '../../../core/errors.js'
import {isPhoneId} from '../../../core/resolve.js'
import {type AttachedPhone, attachPhoneByNumber} from '../../../tasks/attach-phone.js'

export default class UsersPhonesAdd extends ApiCommand<typeof UsersPhonesAdd> {
  static override args = {
    user: userArg,
    phone_id: Args.string({description: 'An existing phone\'s id (DP…), or a number (as --number); or leave it out and pass --number, or on a terminal pick one of the account\'s phones'}),
  }

  static override description = [
    'With --number, finds the phone with that number or creates it (type mobile unless --type), then attaches it. Phones can be shared:',
    'when the number already belongs to someone else, this says who and asks first (without a terminal pass --yes).',
    'A new mobile phone needs --platform for Duo Mobile (activation fails while it is unknown): asked on a terminal, required otherwise.',
    'With neither PHONE_ID nor --number, on a terminal you pick one of the account\'s phones (type part of its number, name, platform or a username).',
    'Then `duo phones activate NUMBER --sms` texts it a Duo Mobile activation link.',
  ].join(' ')

  static override examples = [
    '<%= config.bin %> <%= command.id %> alice --number +15551234567 --platform "apple ios"',
    '<%= config.bin %> <%= command.id %> erin --number +15557654321 --type landline',
    '<%= config.bin %> <%= command.id %> bob DPXXXXXXXXXXXXXXXXXX',
  ]

  static override flags = {
    extension: paramFlag.string('createphone', 'extension', {exclusive: ['phone_id']}),
    number: Flags.string({description: 'Find or create the phone with this number (E.164, e.g. +15551234567)'}),
    platform: paramFlag.string('createphone', 'platform'),
    type: paramFlag.string('createphone', 'type'),
    ...yesFlag,
  }

  static override summary = 'Attach a phone to a user, by id or by number (creating it if needed)'

  async run(): Promise<AttachedPhone | Record<string, string>> {
    const {phone_id: given, user} = this.args
    const {extension, platform, type, yes} = this.flags
    // A number where PHONE_ID goes is taken as --number, so it gets the same lookup and questions.
    const byNumber = given !== undefined && !isPhoneId(given) && this.flags.number === undefined
    const phoneId = byNumber ? undefined : given
    const number = byNumber ? given : this.flags.number
    if (phoneId !== undefined && number !== undefined) throw new UsageError('Give a PHONE_ID or --number, not both.')
    const picking = phoneId === undefined && number === undefined
    if (picking && !this.prompt.interactive) throw new UsageError('Missing the phone: give a PHONE_ID or --number +1….', 'e.g. duo users phones add alice --number +15551234567 --platform "apple ios"')
    if (phoneId !== undefined && (platform !== undefined || type !== undefined)) throw new UsageError('--platform and --type are for a phone created with --number.', 'Change an existing phone with `duo phones update`.')
    if (picking && (platform !== undefined || type !== undefined || extension !== undefined)) throw new UsageError('--platform, --type and --extension go with --number.', 'e.g. duo users phones add alice --number +15551234567 --platform "apple ios"')

    const client = await this.client()
    if (picking || phoneId !== undefined) {
      // On a terminal, with neither a PHONE_ID nor --number, one of the account's phones is picked.
      const chosen = phoneId ?? (await pickAccountPhone(client, this.prompt, 'PHONE_ID'))
      const ids = (await resolveNames(client, getOperation('associateuserphone'), {phone_id: chosen, user_id: user})) as Record<string, string>
      await call(client, 'associateuserphone', ids)
      this.note(`Attached phone ${chosen} to ${user}.`)
      return ids
    }

    const attached = await attachPhoneByNumber(client, {extension, number: number!, platform, type, user}, {
      confirmShared: (phone, owners) =>
        confirmOrAbort(this.prompt, `Phone ${phone.number} (${phone.phone_id}) is already ${owners.join(', ')}'s. Share it with ${user} too?`, yes),
      platform: () => askPlatform(this.prompt, number!),
    })
    const phone = `phone ${attached.phone.number} (${attached.phone_id})`
    if (attached.already) this.note(`${user} already has ${phone}: nothing changed.`)
    else this.note(`${attached.created ? 'Created and attached' : 'Attached'} ${phone} to ${user}.`)
    if (attached.created && attached.phone.platform !== 'Unknown') this.note(`Next: \`duo phones activate ${attached.phone.number} --sms\` texts it a Duo Mobile activation link.`)
    return attached
  }
}
