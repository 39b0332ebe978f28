// Turns "operation + loose input" into one signed call. Every surface (CLI, REST, MCP) goes through
// here, so checks, path encoding and the permission hint are the same everywhere.
import type {DuoCaller, DuoEnvelope, RequestOptions, RequestParams} from './calls.js'
import {UsageError} from './errors.js'
import {type Operation, type OperationName, getOperation} from './catalog/index.js'
import {checkParams, checkPathParams, describeProblems} from './params.js'
import {plainPathProblem} from './path-safety.js'

export interface PreparedCall {
  operation: Operation
  path: string
  params: RequestParams
}

/** Validates everything first; throws UsageError naming every problem, before any request. */
export function prepareCall(operation: Operation, input: Record<string, unknown>): PreparedCall {
  const pathNames = new Set(operation.pathParams.map((p) => p.name))
  const pathInput = Object.fromEntries(Object.entries(input).filter(([k]) => pathNames.has(k)))
  const queryInput = Object.fromEntries(Object.entries(input).filter(([k]) => !pathNames.has(k)))
  const {params, problems} = checkParams(operation, queryInput)
  problems.unshift(...checkPathParams(operation, pathInput))
  if (problems.length > 0) throw new UsageError(`Invalid input for ${operation.name}: ${describeProblems(problems)}.`)
  const path = fillPath(operation.path, pathInput as Record<string, string>)
  // Belt and braces: whatever got past the per-value checks, the path sent is the path meant.
  const pathProblem = plainPathProblem(path)
  if (pathProblem) throw new UsageError(`Invalid input for ${operation.name}: the path ${path} ${pathProblem}.`)
  return {operation, params, path}
}

/** The path-parameter problems of `input`, thrown before names are looked up (a lookup is already a request). */
export function checkPathInput(operation: Operation, input: Record<string, unknown>): void {
  const problems = checkPathParams(operation, input)
  if (problems.length > 0) throw new UsageError(`Invalid input for ${operation.name}: ${describeProblems(problems)}.`)
}

/**
 * Percent-encodes each id, so an id like `../groups` stays one path segment and can never reach
 * another endpoint (the Python client quotes ids the same way).
 */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]))
}

export async function invoke<T = unknown>(
  client: DuoCaller,
  operation: Operation | OperationName,
  input: Record<string, unknown> = {},
): Promise<DuoEnvelope<T>> {
  const call = prepareCall(typeof operation === 'string' ? getOperation(operation) : operation, input)
  return client.request<T>(call.operation.method, call.path, call.params, requestOptions(call.operation))
}

/** invoke(), with Duo's JSON answer (status and body) passed on as text: see DuoClient.requestText. */
export async function invokeText(client: DuoCaller, operation: Operation, input: Record<string, unknown> = {}): Promise<{status: number; text: string}> {
  const call = prepareCall(operation, input)
  return client.requestText(call.operation.method, call.path, call.params, requestOptions(call.operation))
}

/** Every page of a paged operation, following next_offset (the page size defaults to Duo's maximum). */
export function invokePages<T = unknown>(
  client: DuoCaller,
  operation: Operation | OperationName,
  input: Record<string, unknown> = {},
): AsyncGenerator<DuoEnvelope<T[]>> {
  const call = prepareCall(typeof operation === 'string' ? getOperation(operation) : operation, input)
  const params = {limit: String(call.operation.paging?.maxLimit ?? 100), ...call.params}
  return client.pages<T>(call.path, params, requestOptions(call.operation))
}

/** Every item of a paged operation, one page in memory at a time. */
export async function* invokeAll<T = unknown>(
  client: DuoCaller,
  operation: Operation | OperationName,
  input: Record<string, unknown> = {},
): AsyncGenerator<T> {
  for await (const page of invokePages<T>(client, operation, input)) yield* page.response
}

/** How the client treats an operation's call: retry rules and the permission named on a 403. */
export function requestOptions(operation: Operation): RequestOptions {
  return {idempotent: operation.hints.idempotent, permission: operation.permission}
}
