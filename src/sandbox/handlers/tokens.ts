// Hardware tokens account-wide (Duo Admin API docs, "Tokens"; duo_client_python's admin.py):
// list or look up by type and serial, create with each type's secrets, get, delete, resync.
import {createHmac} from 'node:crypto'

import {invalidParams, notFound, paginate} from '../envelope.js'
import type {TokenRecord, TokenSecrets} from '../records.js'
import {tokenWithUsers} from '../views.js'
import {type Handler, type HandlerContext, type Handlers, param} from './context.js'

const HEX = /^[0-9a-f]+$/i
const MAX_SERIAL = 128
const DEFAULT_TOTP_STEP = 30
/** How far ahead of the stored counter resync looks for the three codes (Duo's window is unconfirmed). */
const RESYNC_WINDOW = 1000

const listtokens: Handler = (ctx) => {
  const type = param(ctx, 'type')
  const serial = param(ctx, 'serial')
  // Each filter needs the other (Duo Admin API docs, "Retrieve Hardware Tokens").
  if ((type === undefined) !== (serial === undefined)) throw invalidParams('type and serial must be given together')
  let tokens = [...ctx.state.tokens.values()]
  if (type !== undefined) tokens = tokens.filter((t) => t.type === type.toLowerCase() && t.serial === serial)
  return paginate(tokens, ctx.params, ctx.operation.paging!, (token) => tokenWithUsers(ctx.state, token))
}

/** Which secrets each type takes and needs; a secret given to the wrong type is refused, not ignored. */
function secrets(ctx: HandlerContext, type: string): TokenSecrets {
  const given = {
    aes_key: param(ctx, 'aes_key'),
    counter: param(ctx, 'counter'),
    private_id: param(ctx, 'private_id'),
    secret: param(ctx, 'secret'),
    totp_step: param(ctx, 'totp_step'),
  }
  const allowed: Record<string, Array<keyof typeof given>> = {
    h6: ['secret', 'counter'],
    h8: ['secret', 'counter'],
    t6: ['secret', 'totp_step'],
    t8: ['secret', 'totp_step'],
    yk: ['private_id', 'aes_key'],
  }
  const misplaced = (Object.keys(given) as Array<keyof typeof given>).filter((k) => given[k] !== undefined && !allowed[type].includes(k))
  if (misplaced.length > 0) throw invalidParams(`${misplaced.join(', ')} cannot be given for a ${type} token`)
  if (type === 'yk') {
    if (!given.private_id || !HEX.test(given.private_id) || given.private_id.length !== 12) throw invalidParams('private_id must be 12 hex characters')
    if (!given.aes_key || !HEX.test(given.aes_key) || given.aes_key.length !== 32) throw invalidParams('aes_key must be 32 hex characters')
    return {aes_key: given.aes_key.toLowerCase(), private_id: given.private_id.toLowerCase()}
  }

  // Hex, as the official clients' examples send it (the encoding is unconfirmed by Duo's docs).
  if (!given.secret || !HEX.test(given.secret) || given.secret.length % 2 !== 0) throw invalidParams(`secret is required for a ${type} token, as hex`)
  return type.startsWith('h') ? {counter: Number(given.counter ?? 0), secret: given.secret.toLowerCase()} : {secret: given.secret.toLowerCase()}
}

const createtoken: Handler = (ctx) => {
  const type = param(ctx, 'type')!.toLowerCase()
  const serial = param(ctx, 'serial')!
  if (serial.length > MAX_SERIAL) throw invalidParams(`serial is longer than ${MAX_SERIAL} characters`)
  for (const token of ctx.state.tokens.values()) {
    if (token.type === type && token.serial === serial) throw invalidParams(`a ${type} token with serial ${serial} already exists (${token.token_id})`)
  }

  const token: TokenRecord = {
    secrets: secrets(ctx, type),
    serial,
    token_id: ctx.state.newId('DH'),
    totp_step: type.startsWith('t') ? Number(param(ctx, 'totp_step') ?? DEFAULT_TOTP_STEP) : null,
    type,
  }
  ctx.state.tokens.set(token.token_id, token)
  return {response: tokenWithUsers(ctx.state, token)}
}

const gettoken: Handler = (ctx) => {
  const token = ctx.state.tokens.get(ctx.path.token_id)
  if (!token) throw notFound(`token ${ctx.path.token_id}`)
  return {response: tokenWithUsers(ctx.state, token)}
}

/** "" even when already gone (duo_client_python); detached from every user. */
const deletetoken: Handler = (ctx) => {
  ctx.state.deleteToken(ctx.path.token_id)
  return {response: ''}
}

/** RFC 4226 HOTP: the code a token shows at `counter`. */
export function hotp(secretHex: string, counter: number, digits: number): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac('sha1', Buffer.from(secretHex, 'hex')).update(message).digest()
  const offset = mac[mac.length - 1] & 0x0f
  const value = (mac.readUInt32BE(offset) & 0x7f_ff_ff_ff) % 10 ** digits
  return String(value).padStart(digits, '0')
}

/**
 * Scans ahead of the stored counter for three consecutive codes, as Duo does (duo_client_python's
 * resync_hotp_token docstring); the counter then continues after the third. Only HOTP tokens drift.
 */
const resynctoken: Handler = (ctx) => {
  const token = ctx.state.tokens.get(ctx.path.token_id)
  if (!token) throw notFound(`token ${ctx.path.token_id}`)
  if (token.type !== 'h6' && token.type !== 'h8') throw invalidParams(`a ${token.type} token cannot be resynced (only HOTP tokens drift)`)
  const {counter = 0, secret} = token.secrets ?? {}
  const codes = [param(ctx, 'code1')!, param(ctx, 'code2')!, param(ctx, 'code3')!]
  const digits = token.type === 'h6' ? 6 : 8
  if (secret !== undefined) {
    for (let at = counter; at < counter + RESYNC_WINDOW; at++) {
      if (codes.every((code, i) => hotp(secret, at + i, digits) === code)) {
        token.secrets = {...token.secrets, counter: at + 3}
        return {response: ''}
      }
    }
  }

  throw invalidParams('the three codes are not consecutive codes of this token')
}

export const tokenHandlers = {createtoken, deletetoken, gettoken, listtokens, resynctoken} satisfies Handlers
