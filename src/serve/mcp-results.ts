// What an MCP tool returns, and the output schema that says so. Duo's objects are large (a user
// carries its phones, tokens, groups and credentials), so list tools return compact rows by default:
// the fields a person looks at, chosen per kind of object below. `fields` picks others, `full: true`
// returns Duo's whole objects. Every property in the schemas is optional, so any selection matches.
// The kind of object comes from the operation's path, so an operation added to the catalog is typed
// with no code here when its resource is one of these.
//
// API:
//   listArguments(operation)          extra input properties (fields, full) for list tools, or {}
//   outputSchema(operation)           the tool's outputSchema
//   shapeResult(operation, envelope, args)  structuredContent: {response, metadata?, next?, fields?}
import type {DuoEnvelope} from '../core/calls.js'
import type {Operation} from '../core/catalog/index.js'

type JsonSchema = {[keyword: string]: unknown}

const str = {type: 'string'}
const strOrNull = {type: ['string', 'null']}
const bool = {type: 'boolean'}
const int = {type: 'integer'}
const intOrNull = {type: ['integer', 'null']}
const objects = {items: {type: 'object'}, type: 'array'}

interface Kind {
  /** The fields of a compact row, in the order a person reads them. */
  compact: string[]
  properties: Record<string, JsonSchema>
}

/** Duo's objects (Duo Admin API docs: Users, Groups, Phones, Tokens, WebAuthn, Bypass Codes). */
const KINDS: Record<string, Kind> = {
  bypass_codes: {
    compact: ['bypass_code_id', 'created', 'expiration', 'reuse_count'],
    properties: {admin_email: strOrNull, bypass_code_id: str, created: int, expiration: intOrNull, reuse_count: intOrNull},
  },
  desktopauthenticators: {
    compact: ['daid', 'device_name', 'os_family', 'duo_desktop_version'],
    properties: {daid: str, dakey: str, device_name: str, duo_desktop_version: str, os_family: str},
  },
  groups: {
    compact: ['group_id', 'name', 'desc', 'status'],
    properties: {desc: str, group_id: str, mobile_otp_enabled: bool, name: str, push_enabled: bool, sms_enabled: bool, status: str, voice_enabled: bool},
  },
  phones: {
    compact: ['phone_id', 'number', 'name', 'type', 'platform', 'activated', 'last_seen'],
    properties: {
      activated: bool,
      capabilities: {items: str, type: 'array'},
      extension: str,
      last_seen: strOrNull,
      model: str,
      name: str,
      number: str,
      phone_id: str,
      platform: str,
      type: str,
      users: objects,
    },
  },
  tokens: {compact: ['token_id', 'type', 'serial'], properties: {serial: str, token_id: str, totp_step: intOrNull, type: str, users: objects}},
  users: {
    compact: ['user_id', 'username', 'realname', 'email', 'status', 'is_enrolled', 'last_login'],
    properties: {
      alias1: strOrNull,
      alias2: strOrNull,
      alias3: strOrNull,
      alias4: strOrNull,
      aliases: {type: 'object'},
      created: int,
      desktopauthenticators: objects,
      email: str,
      enable_auto_prompt: bool,
      firstname: str,
      groups: objects,
      is_enrolled: bool,
      last_directory_sync: intOrNull,
      last_login: intOrNull,
      lastname: str,
      lockout_reason: strOrNull,
      notes: str,
      phones: objects,
      realname: str,
      status: str,
      tokens: objects,
      u2ftokens: objects,
      user_id: str,
      username: str,
      webauthncredentials: objects,
    },
  },
  webauthncredentials: {
    compact: ['webauthnkey', 'credential_name', 'label', 'date_added', 'date_last_used'],
    properties: {credential_name: str, date_added: int, date_last_used: intOrNull, label: str, webauthnkey: str},
  },
}

interface Shape {
  kind?: Kind
  /** The response is a list of the kind (else one object). */
  list: boolean
}

/**
 * What an operation answers, from its path: a GET names its resource in its last fixed segment
 * (…/users/{user_id}/phones lists phones; …/users/{user_id} is one user); a POST answers with the
 * object only when it creates or changes the path's own resource (createuser, updategroup), never
 * for the links and actions below it (associateusergroup answers "").
 */
function shapeOf(operation: Operation): Shape {
  const segments = operation.path.split('/').slice(3)
  const fixed = segments.filter((s) => !s.startsWith('{'))
  const last = fixed.at(-1) ?? ''
  const endsWithId = segments.at(-1)?.startsWith('{') ?? false
  // An unknown resource is a list only when paged: …/verification_push_response is one object.
  if (operation.method === 'GET') return {kind: KINDS[last], list: operation.paging !== undefined || (!endsWithId && KINDS[last] !== undefined)}
  if (operation.method === 'POST' && fixed.length === 1) return {kind: KINDS[last], list: false}
  return {list: false}
}

function kindSchema(kind: Kind | undefined): JsonSchema {
  return kind ? {additionalProperties: true, properties: kind.properties, type: 'object'} : {type: 'object'}
}

/** Only list tools whose objects are known get a compact default, and so `fields` and `full`. */
function compactable(operation: Operation): Kind | undefined {
  const shape = shapeOf(operation)
  return operation.paging && shape.list ? shape.kind : undefined
}

export function listArguments(operation: Operation): Record<string, JsonSchema> {
  const kind = compactable(operation)
  if (!kind) return {}
  return {
    fields: {
      description: `The fields of each item to return (default ${kind.compact.join(', ')}); any field of Duo's object may be named`,
      items: {minLength: 1, type: 'string'},
      minItems: 1,
      type: 'array',
    },
    full: {description: 'Return Duo\'s whole objects instead of compact rows (much larger: only when the fields are not enough)', type: 'boolean'},
  }
}

/** The names of listArguments, which the server keeps out of the call to Duo. */
export const RESULT_ARGUMENTS = ['fields', 'full'] as const

export function outputSchema(operation: Operation): JsonSchema {
  const shape = shapeOf(operation)
  const item = kindSchema(shape.kind)
  const response: JsonSchema = shape.list ? {items: item, type: 'array'} : shape.kind ? item : {}
  const properties: Record<string, JsonSchema> = {response: {...response, description: "Duo's response (for list tools, compact rows unless full is true)"}}
  if (operation.paging) {
    properties.metadata = {
      description: "Duo's paging metadata",
      properties: {next_offset: {}, prev_offset: {}, total_objects: int},
      type: 'object',
    }
    properties.next = {description: 'Present when there is another page: the arguments to add to this call to get it', type: 'object'}
  }

  if (compactable(operation)) properties.fields = {description: 'The fields each item was cut to (absent with full: true)', items: str, type: 'array'}
  return {properties, required: ['response'], type: 'object'}
}

/** structuredContent: Duo's envelope without `stat`, list items cut to the fields, and where the next page is. */
export function shapeResult(operation: Operation, envelope: DuoEnvelope, args: {fields?: unknown; full?: unknown}): Record<string, unknown> {
  const kind = compactable(operation)
  const fields = kind && args.full !== true ? (Array.isArray(args.fields) ? (args.fields as string[]) : kind.compact) : undefined
  const response = fields && Array.isArray(envelope.response) ? envelope.response.map((item) => pick(item, fields)) : envelope.response
  const result: Record<string, unknown> = {response}
  if (envelope.metadata) result.metadata = envelope.metadata
  const next = envelope.metadata?.next_offset
  // A number is an offset; anything else (the v2 logs' [timestamp, id] pair) is a cursor passed back as is.
  if (next !== undefined && next !== null) result.next = typeof next === 'number' ? {offset: next} : {next_offset: next}
  if (fields) result.fields = fields
  return result
}

function pick(item: unknown, fields: string[]): unknown {
  if (typeof item !== 'object' || item === null) return item
  const source = item as Record<string, unknown>
  return Object.fromEntries(fields.filter((f) => Object.hasOwn(source, f)).map((f) => [f, source[f]]))
}
