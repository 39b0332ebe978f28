// How a case reads for a person: the plan as numbered steps with the exact call each makes
// (--dry-run), then each step's outcome as it runs, and what Duo returned that the person needs.
import {getOperation} from '../core/catalog/index.js'
import type {CaseJournal} from '../tasks/cases/journal.js'
import type {CasePlan, CaseStep, StepOutcome} from '../tasks/cases/plan.js'

const MARKS: Record<StepOutcome['status'], string> = {
  'already done': '=',
  done: '✓',
  'done earlier': '=',
  failed: '✗',
  'not run': ' ',
}

/** "DELETE /admin/v1/users/{user_id}/groups/{group_id}" with what is known filled in. */
function callOf(step: CaseStep): string {
  const operation = getOperation(step.operation)
  const path = operation.path.replace(/\{(\w+)\}/g, (whole, name: string) => (typeof step.input[name] === 'string' ? (step.input[name] as string) : whole))
  return `${step.operation}: ${operation.method} ${path}`
}

/**
 * The plan as numbered steps, each with its call (not in the guided session, where a person reads
 * it at 80 columns); `journal` tells which traceless steps already ran.
 */
export function renderPlan(plan: CasePlan, journal?: CaseJournal, options: {calls?: boolean} = {}): string {
  const lines = [`Plan: ${plan.name} for ${plan.user.username}`]
  for (const [i, step] of plan.steps.entries()) {
    const earlier = step.traceless ? journal?.when(step.id) : undefined
    const status = step.alreadyDone ? `  (already done: ${step.alreadyDone})` : earlier ? `  (done earlier, ${earlier}; --fresh to repeat)` : ''
    lines.push(`  ${i + 1}. ${step.title}${status}`)
    if (options.calls !== false) lines.push(`     ${callOf(step)}`)
  }

  if (plan.steps.length === 0) lines.push('  Nothing to do.')
  return [...lines, ...plan.notes.map((note) => `Note: ${note}`)].join('\n')
}

export function renderOutcome(outcome: StepOutcome): string {
  const suffix = outcome.status === 'done' ? '' : outcome.status === 'failed' ? `: ${outcome.error}` : ` (${outcome.status})`
  return `${MARKS[outcome.status]} ${outcome.title}${suffix}`
}

/** Codes Duo returns once (bypass codes): shown under their step. */
export function revealed(outcome: StepOutcome): string | undefined {
  if (outcome.operation === 'createuserbypasscodes' && Array.isArray(outcome.response)) return outcome.response.map((code) => `    ${code}`).join('\n')
  return undefined
}
