// The REST adapter's OpenAPI 3.1 description, generated from the operation catalog: one operation per
// catalog entry (operationId = the catalog name), its parameters' JSON Schemas from the catalog's
// types, enums and limits, and Duo's envelope as the response. Nothing here is written per route.
import type {Operation, ParamSpec} from '../core/catalog/index.js'

export type JsonSchema = Record<string, unknown>

/** The JSON Schema (2020-12, as OpenAPI 3.1 uses) of one catalog parameter, as a JSON caller sends it. */
export function paramSchema(spec: ParamSpec): JsonSchema {
  const common: JsonSchema = {description: spec.description, ...(spec.default === undefined ? {} : {default: spec.default})}
  const limits = (min: string, max: string, spec: ParamSpec) => ({
    ...(spec.min === undefined ? {} : {[min]: spec.min}),
    ...(spec.max === undefined ? {} : {[max]: spec.max}),
  })
  const list = (items: JsonSchema) => ({
    ...common,
    items,
    minItems: 1,
    type: 'array',
    ...(spec.maxItems === undefined ? {} : {maxItems: spec.maxItems}),
  })
  switch (spec.type) {
    case 'string': {
      return {...common, type: 'string', ...(spec.enum ? {enum: [...spec.enum]} : {})}
    }

    case 'integer': {
      return {...common, type: 'integer', ...limits('minimum', 'maximum', spec)}
    }

    case 'boolean': {
      return {...common, type: 'boolean'}
    }

    case 'id-list': {
      return list({minLength: 1, type: 'string'})
    }

    case 'object-list': {
      return list({type: 'object'})
    }

    case 'operations': {
      return list({
        properties: {body: {type: 'object'}, method: {enum: ['DELETE', 'GET', 'POST'], type: 'string'}, path: {type: 'string'}},
        required: ['method', 'path'],
        type: 'object',
      })
    }
  }
}

/** An object schema over an operation's body parameters. */
function bodySchema(operation: Operation): JsonSchema {
  const required = operation.params.filter((p) => p.required).map((p) => p.name)
  return {
    additionalProperties: false,
    properties: Object.fromEntries(operation.params.map((p) => [p.name, paramSchema(p)])),
    type: 'object',
    ...(required.length > 0 ? {required} : {}),
  }
}

function describe(operation: Operation): JsonSchema {
  const parameters = [
    ...operation.pathParams.map((p) => ({description: p.description, in: 'path', name: p.name, required: true, schema: {minLength: 1, type: 'string'}})),
    ...(operation.method === 'POST'
      ? []
      : operation.params.map((p) => ({description: p.description, in: 'query', name: p.name, required: p.required ?? false, schema: paramSchema(p)}))),
  ]
  const schema = bodySchema(operation)
  // The bulk endpoint's operations are nested JSON, which a form cannot carry faithfully.
  const content = operation.jsonBody
    ? {'application/json': {schema}}
    : {'application/json': {schema}, 'application/x-www-form-urlencoded': {schema}}
  return {
    description: operation.description,
    operationId: operation.name,
    summary: operation.summary,
    tags: [operation.path.split('/')[3]],
    ...(parameters.length > 0 ? {parameters} : {}),
    ...(operation.method === 'POST' ? {requestBody: {content, required: operation.params.some((p) => p.required)}} : {}),
    responses: {
      200: {content: {'application/json': {schema: {$ref: '#/components/schemas/Ok'}}}, description: "Duo's OK envelope, passed through"},
      default: {content: {'application/json': {schema: {$ref: '#/components/schemas/Fail'}}}, description: "Duo's FAIL envelope (Duo's or the adapter's own)"},
    },
    'x-duo-hints': {destructive: operation.hints.destructive, idempotent: operation.hints.idempotent, readOnly: operation.hints.readOnly},
  }
}

export interface DocumentOptions {
  /** Where the adapter listens, for `servers`. */
  serverUrl: string
  /** False with --no-auth: no security requirement. */
  auth: boolean
}

/** The document for the operations a server actually serves (only the read ones with --read-only). */
export function openApiDocument(served: readonly Operation[], options: DocumentOptions): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {}
  for (const operation of served) {
    paths[operation.path] ??= {}
    paths[operation.path][operation.method.toLowerCase()] = describe(operation)
  }

  return {
    components: {
      schemas: {
        Fail: {
          properties: {code: {type: 'integer'}, message: {type: 'string'}, message_detail: {type: 'string'}, stat: {const: 'FAIL'}},
          required: ['stat', 'code', 'message'],
          type: 'object',
        },
        Ok: {
          properties: {
            metadata: {
              properties: {next_offset: {type: ['integer', 'null']}, prev_offset: {type: ['integer', 'null']}, total_objects: {type: 'integer'}},
              type: 'object',
            },
            response: {},
            stat: {const: 'OK'},
          },
          required: ['stat', 'response'],
          type: 'object',
        },
      },
      securitySchemes: {bearer: {description: 'The token `duo serve rest` printed at start (or was given)', scheme: 'bearer', type: 'http'}},
    },
    info: {
      description:
        'The Duo Admin API operations at their Duo paths, signed with the server\'s profile. Parameters go in the query string, a JSON body or a form body. Also served: GET /openapi.json (this document) and GET /healthz (no token needed).',
      title: 'duo serve rest',
      version: '1',
    },
    openapi: '3.1.0',
    paths,
    security: options.auth ? [{bearer: []}] : [],
    servers: [{url: options.serverUrl}],
  }
}
