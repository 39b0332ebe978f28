// Calls that take many users at once (bulk_send_to_trash, bulk_restore, bulk_create) go in batches no
// larger than the catalog's maxItems for the list parameter.
import type {DuoClient} from '../transport/client.js'
import {invoke} from '../core/invoke.js'
import {type OperationName, getOperation} from '../core/catalog/index.js'
import {resolveUserIds} from '../core/resolve.js'
import type {UserTarget} from '../core/duo-objects.js'

/** The most items `param` of `operation` takes in one call. */
export function batchLimit(operation: OperationName, param: string): number {
  const limit = getOperation(operation).params.find((p) => p.name === param)?.maxItems
  if (limit === undefined) throw new Error(`${operation}.${param} has no maxItems in the catalog`)
  return limit
}

export function* inBatches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size)
}

/**
 * Resolves every user first (so a typo changes nothing), then sends their ids to `operation`
 * (one that takes user_id_list) in batches. Each user is sent once, however often it is named.
 */
export async function applyToUsers(client: DuoClient, operation: OperationName, users: readonly string[]): Promise<UserTarget[]> {
  const unique = [...new Set(users)]
  const ids = await resolveUserIds(client, unique)
  const byId = new Map<string, UserTarget>()
  for (const [i, user] of unique.entries()) if (!byId.has(ids[i])) byId.set(ids[i], {user, user_id: ids[i]})
  const targets = [...byId.values()]
  for (const batch of inBatches(targets, batchLimit(operation, 'user_id_list'))) {
    await invoke(client, operation, {user_id_list: batch.map((t) => t.user_id)})
  }

  return targets
}
