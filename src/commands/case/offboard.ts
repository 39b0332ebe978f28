import {Flags} from '@oclif/core'

import {CaseCommand, caseFlags} from '../../cli/case-command.js'
import {userArg} from '../../cli/named-args.js'
import type {DuoCaller} from '../../core/calls.js'
import type {CasePlan} from '../../tasks/cases/plan.js'
import {planOffboard} from '../../tasks/cases/stories/offboard.js'
import {readUserFacts} from '../../tasks/cases/user-facts.js'

export default class CaseOffboard extends CaseCommand<typeof CaseOffboard> {
  static override args = {user: userArg}
  static override description =
    'Disables the user at once, then removes them from every group and detaches their phones and hardware tokens; --trash also sends them to the Trash. Asks once, with the whole plan (default no); without a terminal pass --yes. Stops at the first failed step and says what was done; running it again does only what is left. With --json: {case, user, steps, notes}.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> bob --dry-run',
    '<%= config.bin %> <%= command.id %> bob --note "leaver, ticket 4711"',
    '<%= config.bin %> <%= command.id %> bob --trash --yes --json',
  ]

  static override flags = {
    ...caseFlags,
    trash: Flags.boolean({description: 'Also send the user to the Trash (purged after the Trash period unless restored)'}),
  }

  static override summary = 'Take away a leaver\'s access: disable, remove from groups, detach devices'

  protected async plan(client: DuoCaller): Promise<CasePlan> {
    return planOffboard(await readUserFacts(client, this.args.user), {trash: this.flags.trash})
  }
}
