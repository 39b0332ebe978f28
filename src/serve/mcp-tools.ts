// The catalog as MCP tools: one tool per operation, named as the seed, with a JSON Schema written
// from the catalog's parameter facts (types, enums, limits, descriptions) so an agent can call any
// operation correctly from tools/list alone. No per-operation code: a new catalog entry is a new tool.
import type {Tool} from '@modelcontextprotocol/sdk/types.js'

import {UsageError} from '../core/errors.js'
import {type Operation, type ParamSpec, operations} from '../core/catalog/index.js'

/** The argument that operations with `needsConfirmation` require, set to true. */
export const CONFIRM = 'confirm'

type JsonSchema = {[keyword: string]: unknown}

export interface ToolSelection {
  /** Serve only operations whose hint is readOnly (wins over `tools`). */
  readOnly?: boolean
  /** Serve only these operations (by name). */
  tools?: readonly string[]
}

export interface SelectedTools {
  operations: Operation[]
  /** Names asked for in `tools` but left out by `readOnly`, so the caller can say so. */
  withheld: string[]
}

/**
 * The operations to serve. An unknown name in `tools` is a UsageError at start-up, never a silently
 * smaller server; read-only hides write tools even when named, as github-mcp-server does.
 */
export function selectTools(selection: ToolSelection): SelectedTools {
  const wanted = selection.tools === undefined ? undefined : new Set(selection.tools)
  if (wanted) {
    const unknown = [...wanted].filter((name) => !operations.some((o) => o.name === name))
    if (unknown.length > 0 || wanted.size === 0) {
      throw new UsageError(
        wanted.size === 0 ? '--tools names no tool.' : `Unknown tool${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
        `Tools are the operation names: ${operations.map((o) => o.name).join(', ')}.`,
      )
    }
  }

  // By default the capability file's tools; what the catalog adds beyond it is served when named.
  const named = wanted ? operations.filter((o) => wanted.has(o.name)) : operations.filter((o) => !o.beyondCapability)
  const served = selection.readOnly ? named.filter((o) => o.hints.readOnly) : named
  const withheld = wanted ? named.filter((o) => !served.includes(o)).map((o) => o.name) : []
  if (served.length === 0) throw new UsageError(`Nothing to serve: ${withheld.join(', ')} change data, and --read-only serves only read tools.`)
  return {operations: served, withheld}
}

export function toolDefinition(operation: Operation): Tool {
  return {
    annotations: {
      destructiveHint: operation.hints.destructive,
      idempotentHint: operation.hints.idempotent,
      openWorldHint: operation.hints.openWorld,
      readOnlyHint: operation.hints.readOnly,
      title: operation.summary,
    },
    description: describeTool(operation),
    inputSchema: inputSchema(operation) as Tool['inputSchema'],
    name: operation.name,
    outputSchema: outputSchema(operation) as Tool['outputSchema'],
    title: operation.summary,
  }
}

function describeTool(operation: Operation): string {
  const parts = [operation.description]
  if (operation.paging) {
    const {defaultLimit, maxLimit} = operation.paging
    parts.push(
      `Returns one page: limit items (default ${defaultLimit}, at most ${maxLimit}) from offset (default 0). ` +
        'When the result has metadata.next_offset, call again with offset set to it for the next page; without it, this was the last page.',
    )
  }

  if (operation.needsConfirmation) {
    parts.push(
      `Requires ${CONFIRM}: true. ${confirmationReason(operation)} Ask the person you act for before setting it; without it the call is refused and nothing is sent to Duo.`,
    )
  }

  return parts.join('\n\n')
}

/** Why a tool needs `confirm`, for its description and for the refusal. */
export function confirmationReason(operation: Operation): string {
  // The catalog explains the operations it corrected; the rest are confirmed for being destructive.
  return operation.hintCorrection?.reason ?? 'It removes data or access and cannot be undone.'
}

function inputSchema(operation: Operation): JsonSchema {
  const properties: Record<string, JsonSchema> = {}
  const required: string[] = []
  for (const spec of operation.pathParams) {
    // Ids fill a path segment: an empty one would address another endpoint.
    properties[spec.name] = {...paramSchema(spec), minLength: 1}
    required.push(spec.name)
  }

  for (const spec of operation.params) {
    properties[spec.name] = paramSchema(spec)
    if (spec.required) required.push(spec.name)
  }

  if (operation.needsConfirmation) {
    properties[CONFIRM] = {
      const: true,
      description: 'Must be true: the person you act for has agreed to this call.',
      type: 'boolean',
    }
    required.push(CONFIRM)
  }

  // Parameters that exclude each other are said in their descriptions and checked by the server:
  // a top-level allOf/not would be refused by some clients' schema subsets.
  return {additionalProperties: false, properties, required, type: 'object'}
}

function paramSchema(spec: ParamSpec): JsonSchema {
  const common: JsonSchema = {description: spec.description, ...(spec.default === undefined ? {} : {default: spec.default})}
  switch (spec.type) {
    case 'string': {
      return {...common, type: 'string', ...(spec.enum ? {enum: [...spec.enum]} : {})}
    }

    case 'integer': {
      return {...common, type: 'integer', ...(spec.min === undefined ? {} : {minimum: spec.min}), ...(spec.max === undefined ? {} : {maximum: spec.max})}
    }

    case 'boolean': {
      return {...common, type: 'boolean'}
    }

    case 'id-list': {
      return listSchema(common, spec, {minLength: 1, type: 'string'})
    }

    case 'object-list': {
      return listSchema(common, spec, {type: 'object'})
    }

    case 'operations': {
      return listSchema(common, spec, {
        additionalProperties: false,
        properties: {
          body: {description: 'The parameters of that call, as for the single-object tool', type: 'object'},
          method: {enum: ['POST', 'DELETE'], type: 'string'},
          path: {description: 'An Admin API user path, e.g. /admin/v1/users or /admin/v1/users/DU…/groups', type: 'string'},
        },
        required: ['method', 'path'],
        type: 'object',
      })
    }
  }
}

function listSchema(common: JsonSchema, spec: ParamSpec, items: JsonSchema): JsonSchema {
  return {...common, items, minItems: 1, type: 'array', ...(spec.maxItems === undefined ? {} : {maxItems: spec.maxItems})}
}

/** What structuredContent holds: Duo's envelope without `stat` (always OK there; failures are isError). */
function outputSchema(operation: Operation): JsonSchema {
  const response: JsonSchema = {description: 'The response field of Duo\'s envelope'}
  if (!operation.paging) return {properties: {response}, required: ['response'], type: 'object'}
  return {
    properties: {
      metadata: {
        description: 'Paging: next_offset (absent on the last page), prev_offset, total_objects',
        type: 'object',
      },
      response: {...response, items: {type: 'object'}, type: 'array'},
    },
    required: ['response'],
    type: 'object',
  }
}
