// Verification pushes: choose the phone, send, and wait for the person's answer. Duo keeps the
// answer for 120 s; until the person answers it reads "waiting".
import type {DuoCaller} from '../core/calls.js'
import {UsageError} from '../core/errors.js'
import {invoke} from '../core/invoke.js'
import {resolveUserId} from '../core/resolve.js'

/** Duo's answer while it keeps one; "waiting" until the person answers. */
type PushAnswer = 'approve' | 'deny' | 'fraud' | 'waiting'
/** What `send --wait` ends with: the person's answer, or "timeout" when none came in time. */
export type PushOutcome = 'timeout' | Exclude<PushAnswer, 'waiting'>

export interface SentPush {
  user_id: string
  phone_id: string
  push_id: string
  confirmation_code: string
}

interface Phone {
  phone_id: string
  number?: string
  name?: string
  model?: string
  capabilities?: string[]
}

/** One of several phones, offered to a person to choose from (a picker on a terminal). */
export interface PhoneChoice {
  name: string
  value: string
}

/** Asks a person to choose; absent where nobody can be asked (no terminal, an agent). */
export type ChoosePhone = (message: string, choices: PhoneChoice[]) => Promise<string>

/** Sends to `phone`, or else to the user's only phone that can receive Duo Push (or the one chosen). */
export async function sendVerificationPush(client: DuoCaller, user: string, phone?: string, choose?: ChoosePhone): Promise<SentPush> {
  const userId = await resolveUserId(client, user)
  const phoneId = phone ?? (await pickPushPhone(client, user, userId, choose))
  const {response} = await invoke<{confirmation_code: string; push_id: string}>(client, 'sendverificationpush', {
    phone_id: phoneId,
    user_id: userId,
  })
  return {confirmation_code: response.confirmation_code, phone_id: phoneId, push_id: response.push_id, user_id: userId}
}

/** Several push-capable phones: picked on a terminal, else a usage error that lists them. */
async function pickPushPhone(client: DuoCaller, user: string, userId: string, choose?: ChoosePhone): Promise<string> {
  const {response} = await invoke<{phones: Phone[]}>(client, 'getuser', {user_id: userId})
  const phones = response.phones.filter((p) => p.capabilities?.includes('push'))
  if (phones.length === 1) return phones[0].phone_id
  if (phones.length === 0) {
    throw new UsageError(`${user} has no phone that can receive Duo Push.`, 'See their phones with `duo users phones list`; Duo Mobile must be activated on one.')
  }

  const choices = phones.map((p) => ({name: [p.phone_id, p.number || p.name, p.model].filter(Boolean).join('  '), value: p.phone_id}))
  if (!choose) {
    throw new UsageError(`${user} has ${phones.length} phones that can receive Duo Push: ${choices.map((c) => c.name).join('; ')}.`, 'Pass --phone with one of these ids.')
  }

  return choose(`Which of ${user}'s phones?`, choices)
}

/** Asks for the answer every intervalMs until it is not "waiting"; "timeout" once timeoutMs has passed. */
export async function waitForAnswer(client: DuoCaller, push: SentPush, options: {intervalMs: number; timeoutMs: number}): Promise<PushOutcome> {
  const deadline = Date.now() + options.timeoutMs
  for (;;) {
    const {response} = await invoke<{result: PushAnswer}>(client, 'getverificationpushresponse', {push_id: push.push_id, user_id: push.user_id})
    if (response.result !== 'waiting') return response.result
    const left = deadline - Date.now()
    if (left <= 0) return 'timeout'
    await new Promise((resolve) => setTimeout(resolve, Math.min(options.intervalMs, left)))
  }
}

const explanations: Record<PushOutcome, (user: string, timeoutSeconds: number) => string> = {
  approve: (user) => `${user} approved the push.`,
  deny: (user) => `${user} denied the push.`,
  fraud: (user) => `${user} reported the push as fraud: they did not expect it. Do not go on with this request.`,
  timeout: (user, seconds) => `No answer from ${user} within ${seconds} s.`,
}

/** One line for the person at the terminal about what the outcome means. */
export function describeOutcome(user: string, outcome: PushOutcome, timeoutSeconds: number): string {
  return explanations[outcome](user, timeoutSeconds)
}
