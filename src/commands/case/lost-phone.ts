import {Flags} from '@oclif/core'

import {CaseCommand, caseFlags} from '../../cli/case-command.js'
import {paramFlag} from '../../cli/catalog-flags.js'
import {secondsFlag} from '../../cli/flags.js'
import {userArg} from '../../cli/named-args.js'
import {askPlatform} from '../../cli/phone-flags.js'
import {call} from '../../core/call.js'
import type {DuoCaller} from '../../core/calls.js'
import type {DuoPhone} from '../../core/duo-objects.js'
import {UsageError} from '../../core/errors.js'
import type {CasePlan} from '../../tasks/cases/plan.js'
import {planLostPhone} from '../../tasks/cases/stories/lost-phone.js'
import {readUserFacts} from '../../tasks/cases/user-facts.js'

export default class CaseLostPhone extends CaseCommand<typeof CaseLostPhone> {
  static override args = {user: userArg}
  static override description =
    'Detaches the lost phone (the user\'s only other phone, or --lost), finds or creates the new one (--number; a new phone needs --platform, asked on a terminal), attaches it, and texts it a Duo Mobile activation link; --bypass-codes issues codes for the meantime. Asks once, with the whole plan; without a terminal pass --yes. A re-run does only what is left: the text and the codes are recorded in the case journal, so they are not sent twice.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> alice --number +15551234567 --platform "apple ios"',
    '<%= config.bin %> <%= command.id %> alice --number +15551234567 --lost +15550100001 --bypass-codes 2 --valid-secs 1d --dry-run',
  ]

  static override flags = {
    ...caseFlags,
    'bypass-codes': Flags.integer({description: 'Issue this many bypass codes for the meantime (their other codes are kept)', max: 10, min: 1}),
    lost: Flags.string({description: 'The lost phone: its number or id (default: the user\'s only other phone)'}),
    number: Flags.string({description: 'The new phone\'s number, e.g. +15551234567', required: true}),
    platform: paramFlag.string('createphone', 'platform'),
    'valid-secs': secondsFlag('createuserbypasscodes', 'valid_secs'),
  }

  static override summary = 'Replace a lost phone: detach it, attach the new one, text its activation, bridge with bypass codes'

  protected async plan(client: DuoCaller): Promise<CasePlan> {
    const {'bypass-codes': count, lost, number, 'valid-secs': validSecs} = this.flags
    if (validSecs !== undefined && count === undefined) throw new UsageError('--valid-secs is for the codes of --bypass-codes.', 'Add --bypass-codes N, or leave --valid-secs out.')
    const [facts, {response: found}] = await Promise.all([readUserFacts(client, this.args.user), call<DuoPhone[]>(client, 'listphones', {number})])
    const platform = this.flags.platform ?? (found.length === 0 ? await askPlatform(this.prompt, number) : undefined)
    return planLostPhone(facts, found[0], {bypassCodes: count === undefined ? undefined : {count, validSecs: validSecs ?? 0}, lost, number, platform})
  }
}
