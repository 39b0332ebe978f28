// `duo` alone on a terminal (and `duo case`): a helpdesk call, guided. Pick the caller (type to
// search), see one screen about them, choose what to do; each action shows its plan, confirms,
// runs, says what changed and returns to the refreshed screen. Esc goes back (or leaves, at the
// top); Ctrl-C leaves with exit 130. Every action is a case plan, the same the commands run.
import {emitKeypressEvents} from 'node:readline'

import type {DuoCaller} from '../core/calls.js'
import {call} from '../core/call.js'
import {DuoApiError} from '../core/errors.js'
import {LOG_KINDS} from '../core/log-kinds.js'
import {userLogins} from '../tasks/user-logins.js'
import {CaseJournal} from '../tasks/cases/journal.js'
import {type CasePlan, needsConfirmation, pendingSteps} from '../tasks/cases/plan.js'
import {CaseFailure, type CaseRun, runPlan} from '../tasks/cases/run.js'
import {planBypassCodes, planEnrollEmail, planGroupChange, planResendActivation} from '../tasks/cases/stories/access.js'
import {planLostPhone} from '../tasks/cases/stories/lost-phone.js'
import {planOffboard} from '../tasks/cases/stories/offboard.js'
import {planUnlock} from '../tasks/cases/stories/unlock.js'
import {planVerify} from '../tasks/cases/stories/verify.js'
import {type UserFacts, phoneLabel, readUserFacts} from '../tasks/cases/user-facts.js'
import type {DuoPhone} from '../core/duo-objects.js'
import {askPlatform} from './phone-flags.js'
import {describeOutcome, waitForAnswer} from '../tasks/verify-push.js'
import {renderOutcome, renderPlan, revealed} from './case-view.js'
import {type RecentLogin, renderUserCard} from './user-card.js'
import {userOrPick} from './pickers.js'

export interface SessionContext {
  client: DuoCaller
  configDir: string
  /** Where the session writes for the person (stderr: stdout stays free for data). */
  write: (text: string) => void
}

type Prompts = typeof import('@inquirer/prompts')

interface Action {
  name: string
  value: string
  /** The plan to run, or undefined when the person backed out of a question. */
  plan(facts: UserFacts, prompts: Prompts, signal: AbortSignal): Promise<CasePlan | undefined>
}

const VALIDITY = [
  {name: '1 hour', value: 3600},
  {name: '1 day', value: 86_400},
  {name: '7 days', value: 604_800},
  {name: 'never expire', value: 0},
]

function actionsFor(facts: UserFacts, ctx: SessionContext): Action[] {
  const {user} = facts
  const gone = user.status === 'disabled' || user.status === 'pending deletion'
  const actions: Action[] = []
  if (user.status === 'locked out') actions.push({name: 'Unlock', plan: async () => planUnlock(facts), value: 'unlock'})
  if (user.phones.some((p) => p.capabilities?.includes('push'))) {
    actions.push({name: 'Verify the caller (Duo Push, wait for the answer)', plan: async () => planVerify(facts, pushPhone(facts)), value: 'verify'})
  }

  if (!gone) {
    actions.push({
      name: 'Replace a lost phone (new number, activation text)',
      async plan(_facts, prompts, signal) {
        const number = await prompts.input({message: 'The new phone\'s number (e.g. +15551234567)', validate: (v) => /^\+?\d[\d\s-]{5,}$/.test(v.trim()) || 'A phone number, e.g. +15551234567'}, {input: process.stdin, output: process.stderr, signal})
        const found = (await call<DuoPhone[]>(ctx.client, 'listphones', {number: number.trim()})).response
        const platform = found.length === 0 ? await askPlatform({interactive: true, signal}, number.trim()) : undefined
        const bridge = await prompts.confirm({default: true, message: 'Issue 2 bypass codes, valid 1 day, for the meantime?'}, {input: process.stdin, output: process.stderr, signal})
        return planLostPhone(facts, found[0], {bypassCodes: bridge ? {count: 2, validSecs: 86_400} : undefined, number: number.trim(), platform})
      },
      value: 'lost-phone',
    })
  }

  const waiting = user.phones.filter((p) => !p.activated && p.platform !== 'Unknown')
  if (waiting.length > 0 && !gone) {
    actions.push({
      name: 'Re-send the Duo Mobile activation',
      async plan(_facts, prompts, signal) {
        const phone = waiting.length === 1 ? waiting[0] : await prompts.select({choices: waiting.map((p) => ({name: phoneLabel(p), value: p})), message: 'Which phone?'}, {input: process.stdin, output: process.stderr, signal})
        return planResendActivation(facts, phone, new Date())
      },
      value: 'resend-activation',
    })
  }

  if (!gone) {
    actions.push({
      name: 'Issue bypass codes',
      async plan(_facts, prompts, signal) {
        const validSecs = await prompts.select({choices: VALIDITY, message: 'Valid for'}, {input: process.stdin, output: process.stderr, signal})
        return planBypassCodes(facts, {count: 2, now: new Date(), validSecs})
      },
      value: 'bypass',
    })
  }

  actions.push({
    name: 'Add to a group',
    async plan(_facts, prompts, signal) {
      const groups = await allGroups(ctx.client)
      const group = await prompts.search(
        {message: 'Group (type to search)', source: async (term) => groups.filter((g) => !term || g.name.toLowerCase().includes(term.toLowerCase())).map((g) => ({name: g.name, value: g}))},
        {input: process.stdin, output: process.stderr, signal},
      )
      return planGroupChange(facts, {add: true, group})
    },
    value: 'add-group',
  })
  if (user.groups.length > 0) {
    actions.push({
      name: 'Remove from a group',
      async plan(_facts, prompts, signal) {
        const group = await prompts.select({choices: user.groups.map((g) => ({name: g.name, value: g})), message: 'Remove from'}, {input: process.stdin, output: process.stderr, signal})
        return planGroupChange(facts, {add: false, group})
      },
      value: 'remove-group',
    })
  }

  if (!user.is_enrolled && user.email && !gone) actions.push({name: 'Send the enrollment e-mail', plan: async () => planEnrollEmail(facts, new Date()), value: 'enroll'})
  if (!gone) actions.push({name: 'Disable and offboard (groups, devices)', plan: async () => planOffboard(facts), value: 'offboard'})
  return actions
}

const RECENT = 5
const MONTH_MS = 30 * 86_400_000

/** The user's last few authentications; none when the integration may not read logs. */
async function recentLogins(client: DuoCaller, userId: string): Promise<RecentLogin[]> {
  const now = Date.now()
  try {
    const {logins} = await userLogins(client, userId, {limit: RECENT, since: now - MONTH_MS, until: now})
    return logins.map((row) => ({
      application: (row.application as {name?: string} | undefined)?.name,
      factor: typeof row.factor === 'string' ? row.factor : undefined,
      reason: String(row.reason_text),
      result: String(row.result),
      timeMs: LOG_KINDS.auth.timeMs(row),
    }))
  } catch (error) {
    if (error instanceof DuoApiError && error.status === 403) return []
    throw error
  }
}

/** The phone a verification push goes to: the first that takes Duo Push. */
function pushPhone(facts: UserFacts): string | undefined {
  return facts.user.phones.find((p) => p.capabilities?.includes('push'))?.phone_id
}

async function allGroups(client: DuoCaller): Promise<Array<{group_id: string; name: string}>> {
  return (await call<Array<{group_id: string; name: string}>>(client, 'listgroups', {limit: 100})).response
}

/** Runs `ask` with Esc wired to abort it; undefined when the person pressed Esc. */
async function unlessEscaped<T>(ask: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
  const controller = new AbortController()
  const onKey = (_: string, key?: {name?: string}) => {
    if (key?.name === 'escape') controller.abort()
  }

  emitKeypressEvents(process.stdin)
  process.stdin.on('keypress', onKey)
  try {
    return await ask(controller.signal)
  } catch (error) {
    if ((error as Error).name === 'AbortPromptError') return undefined
    throw error
  } finally {
    process.stdin.off('keypress', onKey)
  }
}

export async function guidedSession(ctx: SessionContext): Promise<void> {
  const prompts = await import('@inquirer/prompts')
  const io = (signal: AbortSignal) => ({input: process.stdin, output: process.stderr, signal})
  for (;;) {
    ctx.write('Who is calling? (Esc to leave)\n')
    const picked = await unlessEscaped((signal) => userOrPick(ctx.client, {interactive: true, signal}, undefined))
    if (!picked) return
    let userId = picked.user_id
    for (;;) {
      const [facts, logins] = await Promise.all([readUserFacts(ctx.client, userId), recentLogins(ctx.client, userId)])
      userId = facts.user.user_id
      ctx.write(`\n${renderUserCard(facts, logins)}\n\n`)
      const actions = actionsFor(facts, ctx)
      const choice = await unlessEscaped((signal) =>
        prompts.select(
          {
            choices: [...actions.map(({name, value}) => ({name, value})), {name: 'Another caller', value: 'another'}, {name: 'Leave', value: 'leave'}],
            message: 'What next?',
            pageSize: 12,
          },
          io(signal),
        ),
      )
      if (choice === undefined || choice === 'leave') return
      if (choice === 'another') break
      const action = actions.find((a) => a.value === choice)!
      const plan = await unlessEscaped((signal) => action.plan(facts, prompts, signal))
      if (plan) await runAction(ctx, prompts, plan)
    }
  }
}

async function runAction(ctx: SessionContext, prompts: Prompts, plan: CasePlan): Promise<void> {
  ctx.write(`${renderPlan(plan, undefined, {calls: false})}\n`)
  if (pendingSteps(plan).length === 0) return
  if (needsConfirmation(plan)) {
    const go = await unlessEscaped((signal) => prompts.confirm({default: false, message: 'Go ahead?'}, {input: process.stdin, output: process.stderr, signal}))
    if (!go) {
      ctx.write('Nothing was changed.\n')
      return
    }
  }

  const journal = CaseJournal.open(ctx.configDir, plan.name, plan.user.username)
  let run: CaseRun
  try {
    run = await runPlan(ctx.client, plan, journal, (outcome) => ctx.write([renderOutcome(outcome), revealed(outcome)].filter(Boolean).join('\n') + '\n'))
  } catch (error) {
    if (!(error instanceof CaseFailure)) throw error
    ctx.write(`${error.message}\n`)
    return
  }

  if (plan.name === 'verify') await waitForPush(ctx, run)
}

async function waitForPush(ctx: SessionContext, run: CaseRun): Promise<void> {
  const answer = run.outcomes[0].response as {confirmation_code: string; push_id: string}
  ctx.write(`Confirmation code: ${answer.confirmation_code}. Ask ${run.plan.user.username} to read back the code on their phone. Waiting…\n`)
  const result = await waitForAnswer(ctx.client, {...answer, phone_id: run.plan.steps[0].input.phone_id as string, user_id: run.plan.user.user_id}, {intervalMs: 1000, timeoutMs: 60_000})
  ctx.write(`${describeOutcome(run.plan.user.username, result, 60)}\n`)
}
