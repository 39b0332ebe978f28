// What an MCP tool returns, and the output schema that says so. Duo's objects are large (a user
// carries its phones, tokens, groups and credentials), so list tools return compact rows by default:
// the fields a person looks at, chosen per kind of object below. `fields` picks others, `full: true`
// returns Duo's whole objects. Every property in the schemas is optional, so any selection matches.
// The kind of object comes from the operation's path, so an operation added to the catalog is typed
// with no code here when its resource is one of these.
//
// API:
//   listArguments(operation)          extra input properties (fields, full) for list tools, or {}
//                                     (the server keeps them out of the call to Duo)
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

/** The fields of a compact row, in the order a person reads them, with their JSON types. */
type Kind = Record<string, JsonSchema>

/** Duo's objects (Duo Admin API docs: Users, Groups, Phones, Tokens, WebAuthn, Bypass Codes). */
const KINDS: Record<string, Kind> = {
  bypass_codes: {bypass_code_id: str, created: int, expiration: intOrNull, reuse_count: intOrNull},
  desktopauthenticators: {daid: str, device_name: str, os_family: str, duo_desktop_version: str},
  groups: {group_id: str, name: str, desc: str, status: str},
  phones: {phone_id: str, number: str, name: str, type: str, platform: str, activated: bool, last_seen: strOrNull},
  tokens: {token_id: str, type: str, serial: str},
  users: {user_id: str, username: str, realname: str, email: str, status: str, is_enrolled: bool, last_login: intOrNull},
  webauthncredentials: {webauthnkey: str, credential_name: str, label: str, date_added: int, date_last_used: intOrNull},
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

/**
 * The schema of one object: the compact fields typed (what an agent reads most), any other field
 * allowed. Typing all of Duo's fields would make tools/list several times larger for little gain.
 */
function kindSchema(kind: Kind | undefined): JsonSchema {
  return kind ? {properties: kind, type: 'object'} : {type: 'object'}
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
    fields: {description: `Fields per item (default ${Object.keys(kind).join(', ')}); any of Duo's`, items: {type: 'string'}, minItems: 1, type: 'array'},
    full: {description: "Duo's whole objects instead (large)", type: 'boolean'},
  }
}

export function outputSchema(operation: Operation): JsonSchema {
  const shape = shapeOf(operation)
  const item = kindSchema(shape.kind)
  const properties: Record<string, JsonSchema> = {response: shape.list ? {items: item, type: 'array'} : shape.kind ? item : {}}
  // Paging: Duo's metadata, and next (the arguments for the next page, absent on the last one).
  if (operation.paging) Object.assign(properties, {metadata: {type: 'object'}, next: {type: 'object'}})
  if (compactable(operation)) properties.fields = {items: str, type: 'array'}
  return {properties, required: ['response'], type: 'object'}
}

/** structuredContent: Duo's envelope without `stat`, list items cut to the fields, and where the next page is. */
export function shapeResult(operation: Operation, envelope: DuoEnvelope, args: {fields?: unknown; full?: unknown}): Record<string, unknown> {
  const kind = compactable(operation)
  const fields = kind && args.full !== true ? (Array.isArray(args.fields) ? (args.fields as string[]) : Object.keys(kind)) : undefined
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
