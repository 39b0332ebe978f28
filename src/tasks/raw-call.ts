// `duo api`: any signed call, for endpoints the topic commands do not cover (like `gh api`).
import type {DuoEnvelope, RequestOptions, RequestParams} from '../core/calls.js'
import type {DuoClient} from '../transport/client.js'
import {UsageError} from '../core/errors.js'
import {requestOptions} from '../core/invoke.js'
import {matchRoute} from '../core/routes.js'
import {plainPathProblem} from '../core/path-safety.js'

export interface RawCall {
  method: string
  path: string
  params: RequestParams
}

/**
 * Builds the call from the command line: -p key=value strings (a key given twice becomes a
 * repeated parameter), -F key=<JSON> typed values, and any ?query in the path.
 */
export function parseRawCall(method: string, pathAndQuery: string, strings: string[], typed: string[]): RawCall {
  const path = pathAndQuery.split('?')[0]
  const problem = plainPathProblem(path) ?? (path.startsWith('/admin/') ? undefined : 'must be an Admin API path (starting /admin/)')
  if (problem) throw new UsageError(`The path ${JSON.stringify(path)} ${problem}.`, 'For example: duo api GET /admin/v1/users')
  const url = new URL(pathAndQuery, 'http://placeholder')
  const params: Record<string, string[] | unknown> = {}
  const addString = (key: string, value: string) => {
    const existing = params[key]
    params[key] = Array.isArray(existing) ? [...existing, value] : [value]
  }

  for (const [key, value] of url.searchParams) addString(key, value)
  for (const pair of strings) {
    const [key, value] = splitPair(pair, '-p')
    addString(key, value)
  }

  for (const pair of typed) {
    const [key, value] = splitPair(pair, '-F')
    try {
      params[key] = JSON.parse(value)
    } catch {
      throw new UsageError(`-F ${key}: the value is not valid JSON.`, 'Use -p for plain strings; -F takes JSON such as [1,2] or {"a":1}.')
    }
  }

  const normalized: RequestParams = {}
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') normalized[key] = value[0]
    else if (typeof value === 'string' || (typeof value === 'object' && value !== null)) normalized[key] = value as RequestParams[string]
    else normalized[key] = String(value)
  }

  return {method: method.toUpperCase(), params: normalized, path: url.pathname}
}

function splitPair(pair: string, flag: string): [string, string] {
  const at = pair.indexOf('=')
  if (at <= 0) throw new UsageError(`${flag} ${pair}: expected key=value.`)
  return [pair.slice(0, at), pair.slice(at + 1)]
}

export async function sendRawCall(client: DuoClient, call: RawCall): Promise<DuoEnvelope> {
  return client.request(call.method, call.path, call.params, knownOperationOptions(call))
}

/** Every item of a paged GET, as one stream (the concatenated `response` arrays). */
export function rawCallItems(client: DuoClient, call: RawCall): AsyncGenerator<unknown> {
  if (call.method !== 'GET') throw new UsageError('--all only follows pages of GET calls.')
  return client.items(call.path, call.params, knownOperationOptions(call))
}

/**
 * A path the catalog knows gets the same retry rules and 403 hint as its topic command; any other
 * path is sent as given, with the client's method-based defaults.
 */
function knownOperationOptions(call: RawCall): RequestOptions {
  const match = matchRoute(call.method, call.path)
  return match.kind === 'found' ? requestOptions(match.route.operation) : {}
}
