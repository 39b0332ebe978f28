// USER and GROUP arguments: declared once so help reads the same everywhere, and turned into ids
// (from a name or an id) right before the call that needs them.
import {Args} from '@oclif/core'

import type {DuoClient, DuoEnvelope} from './client.js'
import {invoke} from './invoke.js'
import {resolveGroupId, resolveUserId} from './resolve.js'

export const userArg = Args.string({description: 'The user: a username, an alias or a user id (DU…)', required: true})
export const groupArg = Args.string({description: 'The group: its name or group id (DG…)', required: true})

/** A user and/or a group, each as a name or an id, under the parameter name that takes the id. */
export interface Named {
  group_id?: string
  user_id?: string
}

/** The ids for what is named (one lookup per name; ids pass through). */
export async function resolveNamed(client: DuoClient, named: Named): Promise<Record<string, string>> {
  const ids: Record<string, string> = {}
  if (named.user_id !== undefined) ids.user_id = await resolveUserId(client, named.user_id)
  if (named.group_id !== undefined) ids.group_id = await resolveGroupId(client, named.group_id)
  return ids
}

/** Calls an operation on a user and/or group given by name or id. */
export async function invokeOn<T = unknown>(
  client: DuoClient,
  operation: string,
  named: Named,
  input: Record<string, unknown> = {},
): Promise<DuoEnvelope<T>> {
  return invoke<T>(client, operation, {...input, ...(await resolveNamed(client, named))})
}
