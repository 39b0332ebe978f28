// The catalog as MCP tools: one tool per operation, named as the capability names it, with a JSON
// Schema written from the catalog's parameter facts (types, enums, limits, descriptions, which ids
// take a name) so an agent can call any operation correctly from tools/list alone. No per-operation
// code: a new catalog entry is a new tool. Which tools are served is toolsets.ts's business.
import type {Tool} from '@modelcontextprotocol/sdk/types.js'

import type {Operation, ParamSpec} from '../core/catalog/index.js'
import {createsUserRows, describeWeakeningRows, weakeningRows} from '../core/weakening.js'
import {listArguments, outputSchema} from './mcp-results.js'

/** The argument that operations with `needsConfirmation` require, set to true. */
export const CONFIRM = 'confirm'

type JsonSchema = {[keyword: string]: unknown}

/**
 * Who confirms a destructive or person-reaching call: the agent, by setting `confirm: true` (clients
 * without elicitation), or the person, asked through elicitation/create by the server (then `confirm`
 * is not an argument at all: what the agent sets cannot stand in for the person).
 */
export type ConfirmedBy = 'agent' | 'person'

/** Statuses that turn off two-factor or access: setting one is confirmed like a destructive call. */
const WEAKENING_STATUSES = new Set(['bypass', 'disabled'])

/**
 * Writes that take a `status` able to weaken security (updateuser, updategroup …), from the catalog,
 * and those that create users from rows which may each carry one (bulkcreateusers).
 */
export function canWeakenSecurity(operation: Operation): boolean {
  if (operation.hints.readOnly) return false
  return createsUserRows(operation.name) || operation.params.some((p) => p.name === 'status' && p.enum?.some((v) => WEAKENING_STATUSES.has(v)))
}

/** Why this call needs confirming, or undefined when it does not. */
export function confirmationNeeded(operation: Operation, args: Record<string, unknown>): string | undefined {
  if (operation.needsConfirmation) return confirmationReason(operation)
  const rows = weakeningRows(operation.name, args)
  if (rows) {
    const said = describeWeakeningRows(rows, 'row')
    return said ? `Of the users it creates, ${said}.` : undefined
  }

  const status = typeof args.status === 'string' ? args.status.toLowerCase() : undefined
  if (canWeakenSecurity(operation) && status !== undefined && WEAKENING_STATUSES.has(status)) {
    return status === 'bypass' ? 'Status bypass turns off two-factor authentication.' : 'Status disabled stops every sign-in.'
  }

  return undefined
}

export function toolDefinition(operation: Operation, confirmedBy: ConfirmedBy = 'agent'): Tool {
  return {
    annotations: {
      destructiveHint: operation.hints.destructive,
      idempotentHint: operation.hints.idempotent,
      openWorldHint: operation.hints.openWorld,
      readOnlyHint: operation.hints.readOnly,
      title: operation.summary,
    },
    description: describeTool(operation, confirmedBy),
    inputSchema: inputSchema(operation, confirmedBy) as Tool['inputSchema'],
    name: operation.name,
    outputSchema: outputSchema(operation) as Tool['outputSchema'],
    title: operation.summary,
  }
}

function describeTool(operation: Operation, confirmedBy: ConfirmedBy): string {
  const parts = [operation.description]
  if (operation.paging) {
    const {defaultLimit, maxLimit} = operation.paging
    parts.push(
      `Returns one page: limit items (default ${defaultLimit}, at most ${maxLimit}) from offset (default 0). ` +
        'For the next page call again with the result\'s next added; no next: last page.' +
        (Object.keys(listArguments(operation)).length > 0 ? ' Items are compact rows (see fields, full).' : ''),
    )
  }

  const confirmed = operation.needsConfirmation ? confirmationReason(operation) : canWeakenSecurity(operation) ? 'Setting status to bypass or disabled weakens security.' : undefined
  if (confirmed && confirmedBy === 'agent') {
    parts.push(
      `${operation.needsConfirmation ? 'Requires' : 'With status bypass or disabled, requires'} ${CONFIRM}: true. ${confirmed} Ask the person you act for before setting it; without it the call is refused and nothing is sent to Duo.`,
    )
  } else if (confirmed) {
    parts.push(`${confirmed} The server asks the person you act for to confirm ${operation.needsConfirmation ? 'each call' : 'such a change'}; if they decline, nothing is sent to Duo.`)
  }

  return parts.join('\n\n')
}

/** Why a tool needs `confirm`, for its description and for the refusal. */
function confirmationReason(operation: Operation): string {
  // The catalog explains the operations it corrected; the rest are confirmed for being destructive.
  return operation.hintCorrection?.reason ?? 'It removes data or access and cannot be undone.'
}

function inputSchema(operation: Operation, confirmedBy: ConfirmedBy): JsonSchema {
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

  Object.assign(properties, listArguments(operation))
  if (confirmedBy === 'agent' && operation.needsConfirmation) {
    properties[CONFIRM] = {
      const: true,
      description: 'Must be true: the person you act for has agreed to this call.',
      type: 'boolean',
    }
    required.push(CONFIRM)
  } else if (confirmedBy === 'agent' && canWeakenSecurity(operation)) {
    properties[CONFIRM] = {description: 'Set to true, only after the person you act for has agreed, when status is bypass or disabled.', type: 'boolean'}
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
