// Verification pushes (Duo Admin API docs, "Users"): send one to a user's phone, then read its answer, which is
// "waiting" until the simulated person answers (pushDelayMs) and gone 120 s after sending.
import {randomUUID} from 'node:crypto'

import {invalidParams, notFound} from '../envelope.js'
import {digits} from '../ids.js'
import type {PushRecord} from '../records.js'
import {type Handler, type Handlers, param} from './context.js'

export const PUSH_LIFETIME_MS = 120_000

const sendverificationpush: Handler = (ctx) => {
  const user = ctx.state.requireUser(ctx.path.user_id)
  const phoneId = param(ctx, 'phone_id')!
  if (!user.phone_ids.includes(phoneId)) throw invalidParams(`phone_id ${phoneId} is not one of the user's phones`)
  if (!ctx.state.phones.get(phoneId)?.capabilities.includes('push')) throw invalidParams(`phone_id ${phoneId} cannot receive Duo Push`)
  const now = ctx.now()
  for (const [id, push] of ctx.state.pushes) if (now - push.created_ms > PUSH_LIFETIME_MS) ctx.state.pushes.delete(id)
  const push: PushRecord = {confirmation_code: digits(6), created_ms: now, phone_id: phoneId, push_id: randomUUID(), user_id: user.user_id}
  ctx.state.pushes.set(push.push_id, push)
  // Duo logs the answer as an authentication; the simulated person answers after delayMs.
  ctx.state.logs.recordPush(now + ctx.push.delayMs, user, ctx.state.phones.get(phoneId), ctx.push.answer)
  return {response: {confirmation_code: push.confirmation_code, push_id: push.push_id}}
}

const getverificationpushresponse: Handler = (ctx) => {
  const user = ctx.state.requireUser(ctx.path.user_id)
  const pushId = param(ctx, 'push_id')!
  const push = ctx.state.pushes.get(pushId)
  const age = push ? ctx.now() - push.created_ms : Number.POSITIVE_INFINITY
  if (!push || push.user_id !== user.user_id || age > PUSH_LIFETIME_MS) throw notFound(`push ${pushId}`)
  const result = age < ctx.push.delayMs ? 'waiting' : ctx.push.answer
  return {response: {push_id: push.push_id, result}}
}

export const verifyPushHandlers = {getverificationpushresponse, sendverificationpush} satisfies Handlers
