// A user's bypass codes (Duo Admin API docs, "Users": bypass codes, phones, tokens): listing shows metadata only; creating returns the codes,
// the only time they are ever shown.
import {invalidParams, paginate} from '../envelope.js'
import {digits, duoId} from '../ids.js'
import type {BypassCode} from '../records.js'
import {bypassCodeView} from '../views.js'
import {type Handler, type Handlers, nowSeconds, param} from './context.js'

const MAX_CODES_PER_USER = 100
const DEFAULT_COUNT = 10

const listuserbypasscodes: Handler = (ctx) => {
  const user = ctx.state.requireUser(ctx.path.user_id)
  return paginate(user.bypass_codes, ctx.params, ctx.operation.paging!, bypassCodeView(user))
}

/**
 * Random 9-digit codes (Duo's are 9 digits), or the explicit `codes`. Existing codes are cleared
 * unless preserve_existing=true; then going past 100 or repeating a code fails the whole call.
 * Explicit codes must be digits (Duo's exact format rule is unconfirmed).
 */
const createuserbypasscodes: Handler = (ctx) => {
  const user = ctx.state.requireUser(ctx.path.user_id)
  const kept = param(ctx, 'preserve_existing') === 'true' ? user.bypass_codes : []
  const keptCodes = new Set(kept.map((c) => c.code))
  const codes = explicitCodes(param(ctx, 'codes')) ?? randomCodes(Number(param(ctx, 'count') ?? DEFAULT_COUNT), keptCodes)
  const repeated = codes.find((code) => keptCodes.has(code))
  if (repeated) throw invalidParams(`codes: ${repeated} is already one of the user's bypass codes`)
  if (kept.length + codes.length > MAX_CODES_PER_USER) {
    throw invalidParams(`the user would have ${kept.length + codes.length} bypass codes; at most ${MAX_CODES_PER_USER} are allowed`)
  }

  const created = nowSeconds(ctx)
  const validSecs = Number(param(ctx, 'valid_secs') ?? 0)
  const reuseCount = Number(param(ctx, 'reuse_count') ?? 1)
  const fresh = codes.map(
    (code): BypassCode => ({
      admin_email: null,
      bypass_code_id: duoId('DB'),
      code,
      created,
      expiration: validSecs > 0 ? created + validSecs : null,
      reuse_count: reuseCount === 0 ? null : reuseCount,
    }),
  )
  user.bypass_codes = [...kept, ...fresh]
  return {response: codes}
}

function explicitCodes(csv: string | undefined): string[] | undefined {
  if (csv === undefined) return undefined
  const codes = csv.split(',').map((c) => c.trim())
  const bad = codes.find((c) => !/^\d{1,32}$/.test(c))
  if (bad !== undefined) throw invalidParams(`codes: "${bad}" is not a code (digits only)`)
  if (new Set(codes).size !== codes.length) throw invalidParams('codes: a code is repeated')
  return codes
}

function randomCodes(count: number, avoid: ReadonlySet<string>): string[] {
  const codes = new Set<string>()
  while (codes.size < count) {
    const code = digits(9)
    if (!avoid.has(code)) codes.add(code)
  }

  return [...codes]
}

export const bypassCodeHandlers = {createuserbypasscodes, listuserbypasscodes} satisfies Handlers
