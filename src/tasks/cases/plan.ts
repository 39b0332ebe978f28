// A helpdesk case is a plan: the steps of one story (offboard, unlock, lost phone …), each one
// catalog call, worked out from reads of the user's state before anything changes. The CLI, the
// guided session and the MCP tools run the same plan; --dry-run prints it and changes nothing.
import type {OperationName} from '../../core/catalog/index.js'

export interface CaseStep {
  /** Stable within a case and its input: names the step in the journal and in --json. */
  id: string
  /** What it does, for a person: "Remove alice from group Contractors". */
  title: string
  operation: OperationName
  input: Record<string, unknown>
  /** Set while planning when Duo already shows the step's effect: shown, not run. */
  alreadyDone?: string
  /** Leaves no trace in Duo (a text sent, codes issued, a push): recorded in the case journal. */
  traceless?: boolean
  /** Removes access or reaches a person: it is in the one confirmation asked up front. */
  sensitive?: boolean
}

export interface CasePlan {
  /** The story: "offboard", "unlock" … */
  name: string
  /** Who it is about, as typed and as resolved. */
  user: {user: string; user_id: string; username: string}
  steps: CaseStep[]
  /** What a person should know that no step does (e.g. when to remove a contractor's group). */
  notes: string[]
}

export type StepStatus = 'already done' | 'done' | 'done earlier' | 'failed' | 'not run'

export interface StepOutcome {
  id: string
  title: string
  operation: OperationName
  status: StepStatus
  /** Duo's answer, for steps that return something a person needs (bypass codes, a URL). */
  response?: unknown
  error?: string
}

/** The steps that will change something when the plan runs (not those already done). */
export function pendingSteps(plan: CasePlan): CaseStep[] {
  return plan.steps.filter((step) => step.alreadyDone === undefined)
}

/** The sentence asked before a plan with sensitive steps runs: every change, in order. */
export function confirmationQuestion(plan: CasePlan): string {
  const steps = pendingSteps(plan).map((step, i) => `  ${i + 1}. ${step.title}`)
  return `${plan.name} for ${plan.user.username}:\n${steps.join('\n')}\nGo ahead?`
}

export function needsConfirmation(plan: CasePlan): boolean {
  return pendingSteps(plan).some((step) => step.sensitive)
}
