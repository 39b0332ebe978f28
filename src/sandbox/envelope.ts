// Duo's response envelope (reference §2.1) and the failures handlers throw. Codes follow Duo's
// convention: the first three digits are the HTTP status, the last two refine it.
import type {PageMetadata, RequestParams} from '../lib/client.js'
import type {Paging} from '../lib/operations.js'

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly detail?: string,
  ) {
    super(message)
  }
}

/** What a handler produces: Duo's `response` and, for lists, `metadata`. */
export interface Result {
  response: unknown
  metadata?: PageMetadata
}

export const notFound = (detail?: string) => new ApiFailure(404, 40_401, 'Resource not found', detail)
export const invalidParams = (detail: string) => new ApiFailure(400, 40_002, 'Invalid request parameters', detail)
// 40001 for a missing required parameter is unconfirmed (reference §2.1: a third-party mock only).
export const missingParams = (detail: string) => new ApiFailure(400, 40_001, 'Missing required request parameters', detail)

export function okBody(result: Result): Record<string, unknown> {
  return result.metadata ? {metadata: result.metadata, response: result.response, stat: 'OK'} : {response: result.response, stat: 'OK'}
}

export function failBody(failure: ApiFailure): Record<string, unknown> {
  return {
    code: failure.code,
    message: failure.message,
    ...(failure.detail === undefined ? {} : {message_detail: failure.detail}),
    stat: 'FAIL',
  }
}

/**
 * One page of `items`. `limit` was already clamped to the operation's maximum by the dispatcher.
 * next_offset is left out on the last page ([PY] treats a missing one as the end) and prev_offset
 * on the first (Duo's fixtures are not consistent about it; absent is the reading clients tolerate).
 */
export function paginate<T, R>(items: readonly T[], params: RequestParams, paging: Paging, view: (item: T) => R): Result {
  const limit = params.limit === undefined ? paging.defaultLimit : Number(params.limit)
  const offset = params.offset === undefined ? 0 : Number(params.offset)
  const response = items.slice(offset, offset + limit).map(view)
  const metadata: PageMetadata = {total_objects: items.length}
  if (offset + limit < items.length) metadata.next_offset = offset + limit
  if (offset > 0) metadata.prev_offset = Math.max(0, offset - limit)
  return {metadata, response}
}

/** The whole of an id-list lookup as one page: Duo ignores limit and offset then ([CS]). */
export function wholeList<R>(items: readonly R[]): Result {
  return {metadata: {total_objects: items.length}, response: items}
}
