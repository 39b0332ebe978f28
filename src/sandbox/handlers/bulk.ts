// POST /admin/v1/bulk (Duo Admin API docs, "Bulk Operations"): up to 50 user operations in one call, each run as if it
// were its own request (same parameter checks). They run in order and independently: one failing
// does not undo or stop the others.
import {ApiFailure, failBody, invalidParams} from '../envelope.js'
import {matchRoute} from '../../core/routes.js'
import {BULK_OPERATIONS} from '../../core/bulk-check.js'
import {type Handler, type Handlers} from './context.js'


interface BulkEntry {
  method: string
  path: string
  body?: Record<string, unknown>
}

/**
 * One result per operation, in order: {stat: "OK", response} or {stat: "FAIL", code, message,
 * message_detail}. Duo's shape is unconfirmed ("probably one result per operation").
 */
const bulkoperations: Handler = (ctx) => {
  const entries = ctx.params.operations as BulkEntry[]
  const response = entries.map((entry, index) => {
    try {
      const match = matchRoute(entry.method, entry.path)
      if (match.kind !== 'found' || !BULK_OPERATIONS.has(match.route.operation.name)) {
        throw invalidParams(`operation ${index + 1}: ${entry.method} ${entry.path} is not supported in bulk`)
      }

      return {response: ctx.execute(match.route, entry.body ?? {}).response, stat: 'OK'}
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error
      return failBody(error)
    }
  })
  return {response}
}

export const bulkHandlers = {bulkoperations} satisfies Handlers
