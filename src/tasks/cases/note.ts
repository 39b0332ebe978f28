// `--note "ticket 4711"` on any case: a dated line appended to the user's notes, so the Admin
// Panel shows who did what and why. Planned like any step: already there means already done.
import type {CaseStep} from './plan.js'
import type {FactsUser} from './user-facts.js'

/** "2026-12-01 offboard: ticket 4711" (UTC date). */
export function noteLine(caseName: string, text: string, now: Date): string {
  return `${now.toISOString().slice(0, 10)} ${caseName}: ${text}`
}

export function noteStep(user: Pick<FactsUser, 'notes' | 'user_id' | 'username'>, line: string): CaseStep {
  const existing = user.notes ?? ''
  return {
    alreadyDone: existing.split('\n').includes(line) ? 'the note is already there' : undefined,
    id: `note:${line}`,
    input: {notes: existing ? `${existing}\n${line}` : line, user_id: user.user_id},
    operation: 'updateuser',
    title: `Add to ${user.username}'s notes: "${line}"`,
  }
}

/** A note step that also adds `line`. */
export function appendToNote(step: CaseStep, line: string): CaseStep {
  return {...step, id: `${step.id}|${line}`, input: {...step.input, notes: `${step.input.notes as string}\n${line}`}, title: `${step.title} and "${line}"`}
}
