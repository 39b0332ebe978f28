// Checks and normalizes an operation's parameters against the catalog, before anything is sent.
// The CLI, the REST adapter, the MCP server and the sandbox all use it, so "what Duo accepts" is
// written once. Input may be loose (strings from argv or a query string, numbers and arrays from
// JSON); output is what goes on the wire.
import type {RequestParams} from './calls.js'
import type {Operation, ParamSpec} from './catalog/index.js'
import {pathValueProblem} from './path-safety.js'

export interface ParamProblem {
  param: string
  message: string
}

export interface CheckedParams {
  params: RequestParams
  problems: ParamProblem[]
}

/** Checks the query/body parameters (not the path ones) of `operation`. */
export function checkParams(operation: Operation, input: Record<string, unknown>): CheckedParams {
  const problems: ParamProblem[] = []
  const params: RequestParams = {}
  const known = new Map(operation.params.map((p) => [p.name, p]))

  for (const [name, value] of Object.entries(input)) {
    if (value === undefined) continue
    const spec = known.get(name)
    if (!spec) {
      const expected = operation.params.map((p) => p.name).join(', ') || 'none'
      problems.push({message: `unknown parameter for ${operation.name} (expected: ${expected})`, param: name})
      continue
    }

    const result = spec.repeated && Array.isArray(value) ? coerceRepeated(spec, value) : coerce(spec, value)
    if ('error' in result) problems.push({message: result.error, param: name})
    else params[name] = result.value
  }

  for (const spec of operation.params) {
    if (spec.required && params[spec.name] === undefined && !problems.some((p) => p.param === spec.name)) {
      problems.push({message: 'is required', param: spec.name})
    }
  }

  for (const group of operation.exclusive ?? []) {
    const given = group.filter((name) => params[name] !== undefined)
    if (given.length > 1) problems.push({message: `cannot be combined with ${given.slice(1).join(', ')}`, param: given[0]})
  }

  return {params, problems}
}

/** Checks that each path placeholder has a value that stays one path segment (path-safety.ts). */
export function checkPathParams(operation: Operation, input: Record<string, unknown>): ParamProblem[] {
  return operation.pathParams.flatMap((spec) => {
    const message = pathValueProblem(input[spec.name])
    return message ? [{message, param: spec.name}] : []
  })
}

export function describeProblems(problems: ParamProblem[]): string {
  return problems.map((p) => `${p.param} ${p.message}`).join('; ')
}

type Coerced = {error: string} | {value: RequestParams[string]}

function coerce(spec: ParamSpec, value: unknown): Coerced {
  switch (spec.type) {
    case 'string': {
      return coerceString(spec, value)
    }

    case 'integer': {
      return coerceInteger(spec, value)
    }

    case 'boolean': {
      return coerceBoolean(value)
    }

    case 'id-list': {
      return coerceList(spec, value, (item) => typeof item === 'string' && item.length > 0, 'a non-empty string')
    }

    case 'object-list': {
      return coerceList(spec, value, isPlainObject, 'an object')
    }

    case 'operations': {
      return coerceOperations(spec, value)
    }
  }
}

/** Several values of a repeated key, each checked as the scalar; one value stays a plain string. */
function coerceRepeated(spec: ParamSpec, values: unknown[]): Coerced {
  if (values.length === 0) return {error: 'must not be empty'}
  if (spec.maxItems !== undefined && values.length > spec.maxItems) return {error: `has ${values.length} values; at most ${spec.maxItems} are allowed`}
  const out: string[] = []
  for (const value of values) {
    const one = coerce(spec, value)
    if ('error' in one) return one
    out.push(String(one.value))
  }

  return {value: out.length === 1 ? out[0] : out}
}

function coerceString(spec: ParamSpec, value: unknown): Coerced {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    return {error: 'must be a string'}
  }

  const text = String(value)
  if (!spec.enum) return {value: text}
  const match = spec.enum.find((allowed) => allowed.toLowerCase() === text.toLowerCase())
  return match ? {value: match} : {error: `must be one of ${spec.enum.join(', ')} (got "${text}")`}
}

function coerceInteger(spec: ParamSpec, value: unknown): Coerced {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : ''
  if (!/^-?\d+$/.test(text)) return {error: `must be a whole number (got ${JSON.stringify(value)})`}
  const n = Number(text)
  if (spec.min !== undefined && n < spec.min) return {error: `must be at least ${spec.min} (got ${n})`}
  if (spec.max !== undefined && n > spec.max) return {error: `must be at most ${spec.max} (got ${n})`}
  return {value: String(n)}
}

function coerceBoolean(value: unknown): Coerced {
  if (value === true || value === 'true' || value === '1' || value === 1) return {value: 'true'}
  if (value === false || value === 'false' || value === '0' || value === 0) return {value: 'false'}
  return {error: `must be true or false (got ${JSON.stringify(value)})`}
}

/** Duo takes these lists as one JSON-encoded array string (Duo Admin API docs). */
function coerceList(spec: ParamSpec, value: unknown, valid: (item: unknown) => boolean, what: string): Coerced {
  const parsed = parseJsonArray(value)
  if (!parsed) return {error: 'must be a JSON array (or a comma-separated list of ids)'}
  if (parsed.length === 0) return {error: 'must not be empty'}
  if (spec.maxItems !== undefined && parsed.length > spec.maxItems) {
    return {error: `has ${parsed.length} items; at most ${spec.maxItems} are allowed per call`}
  }

  const bad = parsed.findIndex((item) => !valid(item))
  if (bad !== -1) return {error: `item ${bad + 1} must be ${what}`}
  return {value: JSON.stringify(parsed)}
}

function coerceOperations(spec: ParamSpec, value: unknown): Coerced {
  const parsed = parseJsonArray(value)
  if (!parsed || parsed.length === 0) return {error: 'must be a non-empty JSON array of {method, path, body} objects'}
  if (spec.maxItems !== undefined && parsed.length > spec.maxItems) {
    return {error: `has ${parsed.length} operations; at most ${spec.maxItems} are allowed per call`}
  }

  for (const [index, item] of parsed.entries()) {
    const entry = item as {body?: unknown; method?: unknown; path?: unknown}
    if (!isPlainObject(item) || typeof entry.method !== 'string' || typeof entry.path !== 'string') {
      return {error: `operation ${index + 1} must be an object with a method and a path`}
    }

    if (entry.body !== undefined && !isPlainObject(entry.body)) return {error: `operation ${index + 1}'s body must be an object`}
  }

  return {value: parsed}
}

function parseJsonArray(value: unknown): undefined | unknown[] {
  if (Array.isArray(value)) return value
  if (typeof value !== 'string') return undefined
  const text = value.trim()
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text)
      return Array.isArray(parsed) ? parsed : undefined
    } catch {
      return undefined
    }
  }

  // A convenience for people typing ids: DU1,DU2.
  return text ? text.split(',').map((s) => s.trim()).filter(Boolean) : undefined
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
