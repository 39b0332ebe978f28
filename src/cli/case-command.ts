// The base of `duo case …`: plan from the user's state, show the plan (and stop, with --dry-run),
// confirm once up front when a step removes access or reaches a person, then run it with the case
// journal and report each step. A failed step ends the case with what was done and what was not.
import {type Command, Flags} from '@oclif/core'

import type {DuoCaller} from '../core/calls.js'
import {NotFoundError} from '../core/errors.js'
import {CaseJournal} from '../tasks/cases/journal.js'
import {appendToNote, noteLine, noteStep} from '../tasks/cases/note.js'
import {type CasePlan, type CaseStep, type StepOutcome, confirmationQuestion, needsConfirmation} from '../tasks/cases/plan.js'
import {CaseFailure, type CaseRun, runPlan} from '../tasks/cases/run.js'
import {readUserFacts} from '../tasks/cases/user-facts.js'
import {ApiCommand} from './api-command.js'
import {renderOutcome, renderPlan, revealed} from './case-view.js'
import {yesFlag} from './flags.js'
import {confirmOrAbort} from './prompts.js'

export const caseFlags = {
  'dry-run': Flags.boolean({description: 'Print the plan (after the reads it needs) and change nothing'}),
  fresh: Flags.boolean({description: 'Forget the case journal: repeat steps that leave no trace in Duo (texts, e-mails, codes) even if an earlier run did them'}),
  note: Flags.string({description: 'Append a dated line to the user\'s notes, e.g. --note "ticket 4711"'}),
  ...yesFlag,
}

/** What a case prints with --json, and returns. */
export interface CaseReport {
  case: string
  user: CasePlan['user']
  dryRun: boolean
  steps: Array<StepOutcome | (CaseStep & {status: 'already done' | 'done earlier' | 'planned'})>
  notes: string[]
}

export abstract class CaseCommand<T extends typeof Command> extends ApiCommand<T> {
  /** Reads what the case needs and works out its steps. */
  protected abstract plan(client: DuoCaller): Promise<CasePlan>

  async run(): Promise<CaseReport> {
    const flags = this.flags as {'dry-run'?: boolean; fresh?: boolean; note?: string; yes?: boolean}
    const client = await this.client()
    const plan = await this.withNote(client, await this.plan(client), flags.note)
    const journal = CaseJournal.open(this.config.configDir, plan.name, plan.user.username)
    if (flags['dry-run']) {
      this.show(() => renderPlan(plan, journal))
      this.note('Dry run: nothing was changed.')
      return report(plan, plan.steps.map((step) => ({...step, status: plannedStatus(step, journal, flags.fresh)})), true)
    }

    if (flags.fresh) journal.remove()
    if (needsConfirmation(plan)) await confirmOrAbort(this.prompt, confirmationQuestion(plan), Boolean(flags.yes))
    let run: CaseRun
    try {
      run = await runPlan(client, plan, journal, (outcome) => {
        this.show(() => [renderOutcome(outcome), revealed(outcome)].filter(Boolean).join('\n'))
      })
    } catch (error) {
      if (error instanceof CaseFailure) this.failAfter(report(plan, error.run.outcomes, false), error)
      throw error
    }

    for (const line of plan.notes) this.note(`Note: ${line}`)
    return {...report(plan, run.outcomes, false), ...(await this.after(client, run))}
  }

  /** What a case does once its plan has run (verify waits for the answer); adds to the report. */
  protected async after(_client: DuoCaller, _run: CaseRun): Promise<Record<string, unknown>> {
    return {}
  }

  private async withNote(client: DuoCaller, plan: CasePlan, note: string | undefined): Promise<CasePlan> {
    if (note === undefined) return plan
    // The notes as Duo has them now; a user the case is about to create has none yet.
    const facts = await readUserFacts(client, plan.user.username).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined
      throw error
    })
    const line = noteLine(plan.name, note, new Date())
    // One write of the notes per case: a second would overwrite the first with what was read before it.
    const pending = plan.steps.find((step) => step.id.startsWith('note:') && step.alreadyDone === undefined)
    if (pending) return {...plan, steps: plan.steps.map((step) => (step === pending ? appendToNote(step, line) : step))}
    return {...plan, steps: [...plan.steps, noteStep(facts?.user ?? {notes: '', user_id: plan.user.username, username: plan.user.username}, line)]}
  }
}

function plannedStatus(step: CaseStep, journal: CaseJournal, fresh = false): 'already done' | 'done earlier' | 'planned' {
  if (step.alreadyDone !== undefined) return 'already done'
  return step.traceless && !fresh && journal.has(step.id) ? 'done earlier' : 'planned'
}

function report(plan: CasePlan, steps: CaseReport['steps'], dryRun: boolean): CaseReport {
  return {case: plan.name, dryRun, notes: plan.notes, steps, user: plan.user}
}
