import {CaseCommand, caseFlags} from '../../cli/case-command.js'
import {userArg} from '../../cli/named-args.js'
import type {DuoCaller} from '../../core/calls.js'
import type {CasePlan} from '../../tasks/cases/plan.js'
import {planUnlock} from '../../tasks/cases/stories/unlock.js'
import {readUserFacts} from '../../tasks/cases/user-facts.js'

export default class CaseUnlock extends CaseCommand<typeof CaseUnlock> {
  static override args = {user: userArg}
  static override description =
    'Duo locks a user out after too many failed attempts (status "locked out"); this sets the status back to active. A user who is not locked out is left alone; a disabled user is refused (enable them with duo users update). With --json: {case, user, steps, notes}.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> alice',
    '<%= config.bin %> <%= command.id %> alice --note "ticket 4711" --dry-run',
  ]

  static override flags = caseFlags
  static override summary = 'Unlock a user who is locked out'

  protected async plan(client: DuoCaller): Promise<CasePlan> {
    return planUnlock(await readUserFacts(client, this.args.user))
  }
}
