// A Naftiko capability file (format 1.0.0-alpha2, like capability/duo-admin-api.naftiko.yaml) as the
// configuration of `duo serve mcp|rest --capability FILE`: which operations are served, under which
// tool names and descriptions, on which port, and which environment variables hold the keys.
//
// What the file cannot do, on purpose:
// - name the Duo host or the keys: `consumes.baseUri` is ignored (the profile or environment gives the
//   host) and `binds` only says which environment variables to read the keys from;
// - make a tool less cautious than the catalog: hints merge towards caution (readOnly and idempotent
//   only if both say so, destructive if either does; a tool the file calls destructive is confirmed),
//   so the catalog's documented corrections stand;
// - declare an operation the catalog does not know: an unknown method and path is a start-up error.
//
// API:
//   loadCapability(file)      parses and checks the file; a UsageError names the first problem
//   capabilityFromText(text, source)  the same from text (tests)
//   Capability {mcp?: {port, tools}, rest?: {port, operations}, keyVariables}
import {readFileSync} from 'node:fs'
import {parse} from 'yaml'

import {UsageError} from '../core/errors.js'
import {type Hints, type Operation, operations as catalog} from '../core/catalog/index.js'

export interface Capability {
  /** The file, for messages. */
  source: string
  /** From `exposes` of type mcp: catalog operations renamed, redescribed and hinted as the file says. */
  mcp?: {port?: number; tools: Operation[]}
  /** From `exposes` of type rest: the catalog operations it routes (at Duo's own paths). */
  rest?: {port?: number; operations: Operation[]}
  /**
   * Where the keys are read from: the environment variable bound to the consumed API's basic
   * username (integration key) and password (secret key), when the file binds them.
   */
  keyVariables: {ikey?: string; skey?: string}
}

type Doc = Record<string, unknown>

export function loadCapability(file: string): Capability {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`Cannot read the capability file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`)
  }

  return capabilityFromText(text, file)
}

export function capabilityFromText(text: string, source: string): Capability {
  const fail = (problem: string): never => {
    throw new UsageError(`Capability file ${source}: ${problem}.`, 'The format is that of capability/duo-admin-api.naftiko.yaml (Naftiko 1.0.0-alpha2).')
  }

  let doc: Doc
  try {
    doc = parse(text) as Doc
  } catch (error) {
    return fail(`not valid YAML (${(error as Error).message.split('\n')[0]})`)
  }

  if (!isObject(doc)) return fail('not a YAML mapping')
  if (doc.naftiko !== '1.0.0-alpha2') fail(`naftiko is ${JSON.stringify(doc.naftiko)}, and only "1.0.0-alpha2" is read`)
  const capability = doc.capability
  if (!isObject(capability)) return fail('no capability section')

  // consumes: namespace.operation → the catalog operation with that method and path.
  const consumed = new Map<string, Operation>()
  let authentication: Doc | undefined
  for (const api of list(capability.consumes)) {
    if (!isObject(api) || typeof api.namespace !== 'string') return fail('a consumes entry has no namespace')
    if (isObject(api.authentication)) authentication = api.authentication
    for (const resource of list(api.resources)) {
      if (!isObject(resource) || typeof resource.path !== 'string') return fail(`a resource of ${api.namespace} has no path`)
      for (const declared of list(resource.operations)) {
        if (!isObject(declared) || typeof declared.name !== 'string' || typeof declared.method !== 'string') {
          return fail(`an operation under ${resource.path} has no name or method`)
        }

        const method = declared.method.toUpperCase()
        const operation = catalog.find((o) => o.method === method && samePath(o.path, resource.path as string))
        if (!operation) fail(`operation ${declared.name} (${method} ${resource.path}) is not an Admin API operation duo knows`)
        consumed.set(`${api.namespace}.${declared.name}`, operation!)
      }
    }
  }

  const target = (call: unknown, where: string): Operation => {
    const operation = typeof call === 'string' ? consumed.get(call) : undefined
    return operation ?? fail(`${where} calls ${JSON.stringify(call)}, which no consumes entry declares`)
  }

  const result: Capability = {keyVariables: keyVariables(capability, authentication), source}
  for (const exposed of list(capability.exposes)) {
    if (!isObject(exposed)) continue
    const port = exposed.port === undefined ? undefined : portOf(exposed.port, fail)
    if (exposed.type === 'mcp') {
      const tools: Operation[] = []
      for (const tool of list(exposed.tools)) {
        if (!isObject(tool) || typeof tool.name !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(tool.name)) return fail('an MCP tool has no valid name')
        if (tools.some((t) => t.name === tool.name)) fail(`the MCP tool ${tool.name} is declared twice`)
        tools.push(asTool(target(tool.call, `MCP tool ${tool.name}`), tool))
      }

      result.mcp = {port, tools}
    } else if (exposed.type === 'rest') {
      const routed: Operation[] = []
      for (const resource of list(exposed.resources)) {
        for (const declared of list(isObject(resource) ? resource.operations : undefined)) {
          const operation = target(isObject(declared) ? declared.call : undefined, `a REST operation under ${isObject(resource) ? String(resource.path) : '?'}`)
          if (!routed.includes(operation)) routed.push(operation)
        }
      }

      result.rest = {operations: routed, port}
    }
  }

  return result
}

/** The catalog operation as the file presents it: its tool name and description, hints only more cautious. */
function asTool(operation: Operation, tool: Doc): Operation {
  const said = isObject(tool.hints) ? tool.hints : {}
  const flag = (name: keyof Hints) => (typeof said[name] === 'boolean' ? (said[name] as boolean) : undefined)
  const hints: Hints = {
    destructive: operation.hints.destructive || flag('destructive') === true,
    idempotent: operation.hints.idempotent && flag('idempotent') !== false,
    openWorld: true,
    readOnly: operation.hints.readOnly && flag('readOnly') !== false,
  }
  return {
    ...operation,
    description: typeof tool.description === 'string' && tool.description.trim() !== '' ? tool.description : operation.description,
    hints,
    name: tool.name as string,
    needsConfirmation: operation.needsConfirmation || (hints.destructive && !operation.hints.destructive),
    // A write the file calls read-only stays a write: its permission is the catalog's.
    permission: operation.permission,
  }
}

/** `{{NAME}}` in the consumed API's basic credentials, looked up in `binds` (namespace env). */
function keyVariables(capability: Doc, authentication: Doc | undefined): Capability['keyVariables'] {
  const bound = new Map<string, string>()
  for (const bind of list(capability.binds)) {
    if (!isObject(bind) || bind.namespace !== 'env' || !isObject(bind.keys)) continue
    for (const [key, variable] of Object.entries(bind.keys)) if (typeof variable === 'string') bound.set(key, variable)
  }

  const variable = (template: unknown) => {
    const name = typeof template === 'string' ? /^\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(template)?.[1] : undefined
    return name === undefined ? undefined : (bound.get(name) ?? name)
  }

  return {ikey: variable(authentication?.username), skey: variable(authentication?.password)}
}

function samePath(a: string, b: string): boolean {
  const shape = (path: string) => path.replace(/\/+$/, '').replaceAll(/\{[^}]*\}/g, '{}')
  return shape(a) === shape(b)
}

function portOf(value: unknown, fail: (problem: string) => never): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 65_535) fail(`port ${JSON.stringify(value)} is not a port number`)
  return value as number
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function isObject(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
