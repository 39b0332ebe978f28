// The one way every surface calls an operation by name: the parameters the catalog marks as taking
// a user or group (`names`) may hold a username, alias or group name, which is resolved to the id
// first (one lookup per distinct name, cached for the call), then the call is checked and sent.
import type {DuoCaller, DuoEnvelope} from './calls.js'
import {type Operation, type OperationName, allParams, getOperation} from './catalog/index.js'
import {checkPathInput, invoke, invokePages} from './invoke.js'
import {resolveGroupId, resolvePhoneId, resolveUserId} from './resolve.js'

const RESOLVERS = {group: resolveGroupId, phone: resolvePhoneId, user: resolveUserId}

/** Names already resolved during one call (or one command): a name is looked up once. */
export type NameCache = Map<string, Promise<string>>

/** `input` with every name the operation accepts in place of an id replaced by that id. */
export async function resolveNames(
  client: DuoCaller,
  operation: Operation,
  input: Record<string, unknown>,
  cache: NameCache = new Map(),
): Promise<Record<string, unknown>> {
  checkPathInput(operation, input)
  const resolved = {...input}
  for (const param of allParams(operation)) {
    const value = input[param.name]
    if (param.names === undefined) continue
    const kind = param.names
    const one = (name: string) => {
      const key = `${kind}:${name}`
      if (!cache.has(key)) cache.set(key, RESOLVERS[kind](client, name))
      return cache.get(key)!
    }

    // A repeated key (the log filters' users, groups) may name several.
    if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '')) resolved[param.name] = await Promise.all(value.map(one))
    else if (typeof value === 'string' && value !== '') resolved[param.name] = await one(value)
  }

  return resolved
}

const operationOf = (operation: Operation | OperationName) => (typeof operation === 'string' ? getOperation(operation) : operation)

/** Resolves names, then invokes: what a command, a task or a tool calls. */
export async function call<T = unknown>(client: DuoCaller, operation: Operation | OperationName, input: Record<string, unknown> = {}): Promise<DuoEnvelope<T>> {
  const entry = operationOf(operation)
  return invoke<T>(client, entry, await resolveNames(client, entry, input))
}

/** Every page of a paged operation, names resolved first. */
export async function* callPages<T = unknown>(
  client: DuoCaller,
  operation: Operation | OperationName,
  input: Record<string, unknown> = {},
): AsyncGenerator<DuoEnvelope<T[]>> {
  const entry = operationOf(operation)
  yield* invokePages<T>(client, entry, await resolveNames(client, entry, input))
}
