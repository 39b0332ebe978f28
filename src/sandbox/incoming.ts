// A received request, decoded the way Duo reads it: the path as sent (still percent-encoded, which is
// what gets signed), the query string and a form body as decoded parameters, a JSON body as-is.
import type {IncomingHttpHeaders, IncomingMessage} from 'node:http'

import {type DecodedParams, decodeForm, invalidParams, mergeParams} from '../core/wire.js'


export interface IncomingCall {
  method: string
  path: string
  query: DecodedParams
  headers: IncomingHttpHeaders
  /** Every x-duo-* header, lowercased, with each value received (a repeat means two values). */
  xDuoHeaders: Record<string, string[]>
  body: string
  /** The decoded body when it is application/x-www-form-urlencoded. */
  form?: DecodedParams
  json: boolean
}

export function toIncomingCall(req: IncomingMessage, body: Buffer): IncomingCall {
  const target = req.url ?? '/'
  const mark = target.indexOf('?')
  const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  const text = body.toString('utf8')
  const xDuoHeaders = Object.fromEntries(Object.entries(req.headersDistinct).filter(([name]) => name.startsWith('x-duo-'))) as Record<
    string,
    string[]
  >
  return {
    body: text,
    form: contentType === 'application/x-www-form-urlencoded' ? decodeForm(text) : undefined,
    headers: req.headers,
    json: contentType === 'application/json',
    method: (req.method ?? 'GET').toUpperCase(),
    path: mark === -1 ? target : target.slice(0, mark),
    query: mark === -1 ? {} : decodeForm(target.slice(mark + 1)),
    xDuoHeaders,
  }
}

/** The operation's input: query parameters plus the form fields or the JSON object in the body. */
export function callInput(call: IncomingCall): Record<string, unknown> {
  if (!call.json || call.body.trim() === '') return mergeParams(call.query, call.form)
  let parsed: unknown
  try {
    parsed = JSON.parse(call.body)
  } catch {
    throw invalidParams('the body is not valid JSON')
  }

  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidParams('the JSON body must be an object')
  return {...call.query, ...(parsed as Record<string, unknown>)}
}
