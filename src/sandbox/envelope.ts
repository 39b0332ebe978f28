// Duo's response envelope (Duo Admin API docs, "Response Format") as the sandbox builds it; the failures handlers throw
// are Duo's wire format, shared with `duo serve rest` (lib/duo-wire.ts).
import type {PageMetadata, RequestParams} from '../core/calls.js'
import type {Paging} from '../core/catalog/index.js'

export {ApiFailure, failBody, invalidParams, missingParams, notFound} from '../core/wire.js'

/** What a handler produces: Duo's `response` and, for lists, `metadata`. */
export interface Result {
  response: unknown
  metadata?: PageMetadata
}

export function okBody(result: Result): Record<string, unknown> {
  return result.metadata ? {metadata: result.metadata, response: result.response, stat: 'OK'} : {response: result.response, stat: 'OK'}
}

/**
 * One page of `items`. `limit` was already clamped to the operation's maximum by the dispatcher.
 * next_offset is null on the last page and prev_offset null on the first, as in the examples of
 * Duo's Admin API docs (duo_client_python treats a missing or null next_offset alike, as the end).
 */
export function paginate<T, R>(items: readonly T[], params: RequestParams, paging: Paging, view: (item: T) => R): Result {
  const limit = params.limit === undefined ? paging.defaultLimit : Number(params.limit)
  const offset = params.offset === undefined ? 0 : Number(params.offset)
  const response = items.slice(offset, offset + limit).map(view)
  const metadata: PageMetadata = {
    next_offset: offset + limit < items.length ? offset + limit : null,
    prev_offset: offset > 0 ? Math.max(0, offset - limit) : null,
    total_objects: items.length,
  }
  return {metadata, response}
}

/** The whole of an id-list lookup as one page: Duo ignores limit and offset then ([CS]). */
export function wholeList<R>(items: readonly R[]): Result {
  return {metadata: {next_offset: null, prev_offset: null, total_objects: items.length}, response: items}
}
