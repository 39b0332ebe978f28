import {Flags} from '@oclif/core'

import {CaseCommand, caseFlags} from '../../cli/case-command.js'
import {secondsFlag} from '../../cli/flags.js'
import {userArg} from '../../cli/named-args.js'
import type {DuoCaller} from '../../core/calls.js'
import {UsageError} from '../../core/errors.js'
import type {CasePlan} from '../../tasks/cases/plan.js'
import {planContractor} from '../../tasks/cases/stories/contractor.js'
import {readUserFacts} from '../../tasks/cases/user-facts.js'

export default class CaseContractor extends CaseCommand<typeof CaseContractor> {
  static override args = {user: userArg}
  static override description =
    'Adds the user to --group, issues bypass codes that expire after --valid-secs (their other codes are kept) and adds a dated note saying until when. Duo has no expiring group membership: the note and the plan say when to take the group away again. Asks first; without a terminal pass --yes. The codes are printed once, as Duo shows them only now.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> heidi --group Contractors --valid-secs 7d',
    '<%= config.bin %> <%= command.id %> heidi --group Contractors --valid-secs 30d --codes 4 --note "PO 1234" --dry-run',
  ]

  static override flags = {
    ...caseFlags,
    codes: Flags.integer({default: 2, description: 'How many bypass codes to issue', max: 10, min: 1}),
    group: Flags.string({description: 'The group that gives the contractor access (name or DG… id)', required: true}),
    'valid-secs': secondsFlag('createuserbypasscodes', 'valid_secs'),
  }

  static override summary = 'Give a contractor access for a while: group, expiring bypass codes, a dated note'

  protected async plan(client: DuoCaller): Promise<CasePlan> {
    const {codes, group, 'valid-secs': validSecs} = this.flags
    if (!validSecs) throw new UsageError('Missing --valid-secs: how long the contractor\'s access lasts.', 'e.g. --valid-secs 7d')
    return planContractor(await readUserFacts(client, this.args.user), {codes, group, now: new Date(), validSecs})
  }
}
