// Runs a case's plan: in order, skipping what Duo already shows and what the journal says already
// ran, stopping at the first failure with an account of what was done and what was not.
import type {DuoCaller} from '../../core/calls.js'
import {call} from '../../core/call.js'
import {DuoError, ExitCode} from '../../core/errors.js'
import type {CaseJournal} from './journal.js'
import type {CasePlan, StepOutcome} from './plan.js'

export interface CaseRun {
  plan: CasePlan
  outcomes: StepOutcome[]
  /** True when every step is done (now, earlier, or already so in Duo). */
  complete: boolean
}

/** A case that stopped at a failed step; its outcomes say what was done and what was not. */
export class CaseFailure extends DuoError {
  override name = 'CaseFailure'

  constructor(readonly run: CaseRun) {
    const failed = run.outcomes.find((o) => o.status === 'failed')!
    const done = run.outcomes.filter((o) => o.status === 'done').length
    const left = run.outcomes.filter((o) => o.status === 'not run').length
    super(
      `${run.plan.name} stopped at "${failed.title}": ${failed.error}. ${done} step${done === 1 ? '' : 's'} done, ${left + 1} not.`,
      ExitCode.error,
      'Fix the cause and run the same command again: steps already done are recognised and skipped.',
    )
  }
}

export async function runPlan(
  client: DuoCaller,
  plan: CasePlan,
  journal: CaseJournal,
  onStep: (outcome: StepOutcome) => void = () => {},
): Promise<CaseRun> {
  const outcomes: StepOutcome[] = []
  let failed = false
  for (const step of plan.steps) {
    const base = {id: step.id, operation: step.operation, title: step.title}
    let outcome: StepOutcome
    if (failed) outcome = {...base, status: 'not run'}
    else if (step.alreadyDone !== undefined) outcome = {...base, status: 'already done'}
    else if (step.traceless && journal.has(step.id)) outcome = {...base, status: 'done earlier'}
    else {
      try {
        const {response} = await call(client, step.operation, step.input)
        if (step.traceless) journal.record(step.id, new Date())
        outcome = {...base, response, status: 'done'}
      } catch (error) {
        failed = true
        outcome = {...base, error: (error as Error).message, status: 'failed'}
      }
    }

    outcomes.push(outcome)
    onStep(outcome)
  }

  const run = {complete: !failed, outcomes, plan}
  if (failed) throw new CaseFailure(run)
  return run
}
