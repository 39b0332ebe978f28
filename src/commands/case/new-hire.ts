import {Flags} from '@oclif/core'

import {CaseCommand, caseFlags} from '../../cli/case-command.js'
import type {DuoCaller} from '../../core/calls.js'
import {NotFoundError} from '../../core/errors.js'
import type {CasePlan} from '../../tasks/cases/plan.js'
import {planNewHire} from '../../tasks/cases/stories/new-hire.js'
import {readUserFacts} from '../../tasks/cases/user-facts.js'

export default class CaseNewHire extends CaseCommand<typeof CaseNewHire> {
  static override description =
    'Creates the user (or finds them, on a re-run), adds them to each --group, and with --enroll e-mails them Duo\'s enrollment link so they set up their own device. Asks first when it e-mails; without a terminal pass --yes. With --json: {case, user, steps, notes}.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> --username dana --email dana@example.com --realname "Dana Lee" --group Engineering --enroll',
    '<%= config.bin %> <%= command.id %> --username dana --email dana@example.com --group Engineering --group Helpdesk --dry-run',
  ]

  static override flags = {
    ...caseFlags,
    email: Flags.string({description: 'Their e-mail address (the enrollment link goes there)', required: true}),
    enroll: Flags.boolean({description: 'E-mail them Duo\'s enrollment link'}),
    group: Flags.string({description: 'A group to add them to (name or DG… id); repeat for several', multiple: true}),
    realname: Flags.string({description: 'Their full name'}),
    username: Flags.string({description: 'The username to create', required: true}),
  }

  static override summary = 'Set up a new hire: create the user, add groups, send the enrollment e-mail'

  protected async plan(client: DuoCaller): Promise<CasePlan> {
    const {email, enroll, group = [], realname, username} = this.flags
    const existing = await readUserFacts(client, username).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined
      throw error
    })
    return planNewHire({email, enroll, groups: group, realname, username}, existing)
  }
}
