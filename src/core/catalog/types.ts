// What a catalog entry is: an Admin API operation with its parameters, hints, permission and
// paging, and the helpers the resource modules write their entries with.

export type HttpMethod = 'DELETE' | 'GET' | 'POST'

/**
 * How a parameter travels and is checked.
 * - string, integer, boolean: scalar values (sent as strings, as the official clients do);
 * - id-list: a list of strings that Duo wants as one JSON-encoded array string (user_id_list …);
 * - object-list: an array of objects, JSON-encoded the same way (bulk_create's `users`);
 * - operations: /admin/v1/bulk's array, sent as real JSON under signature v5.
 */
export type ParamType = 'boolean' | 'id-list' | 'integer' | 'object-list' | 'operations' | 'string'

export interface ParamSpec {
  name: string
  type: ParamType
  description: string
  required?: boolean
  /** Allowed values (compared case-insensitively by the sandbox, as Duo documents lowercase). */
  enum?: readonly string[]
  /** Inclusive bounds for integers. */
  min?: number
  max?: number
  /** Most items for list-valued parameters. */
  maxItems?: number
  /** Duo's default, for help text and schemas only: never sent unless given. */
  default?: boolean | number | string
  /**
   * The id of a user, group or phone, where a name is accepted too: the caller resolves a username
   * (or alias), a group name or a phone number to the id before the call (core/resolve.ts).
   */
  names?: 'group' | 'phone' | 'user'
  /**
   * The key may be repeated to send several values (Duo's log filters: users, results …), each
   * checked as the scalar type says; sent as repeated pairs, as duo_client_python sends a list.
   */
  repeated?: true
  /** A string's shape, checked before sending: `email` is local@domain.tld. */
  format?: 'email'
}

export interface Hints {
  readOnly: boolean
  destructive: boolean
  idempotent: boolean
  /** Every operation talks to Duo, an external system; kept explicit for MCP annotations. */
  openWorld: boolean
}

export interface Paging {
  defaultLimit: number
  maxLimit: number
}

/**
 * The permissions of an Admin API application, by the names the Duo Admin Panel shows (Duo Admin
 * API docs, "Permissions"); the keys are what `duo sandbox start --deny` takes.
 */
export const PERMISSIONS = {
  /** Not a checkbox but an application type: the parent's Accounts API integration (Duo Accounts API docs). */
  accounts: 'Accounts API',
  admins: 'Grant administrators',
  applications: 'Grant applications',
  info: 'Grant read information',
  log: 'Grant read log',
  read: 'Grant resource - Read',
  settings: 'Grant settings',
  write: 'Grant resource - Write',
} as const

export type PermissionKey = keyof typeof PERMISSIONS
export type Permission = (typeof PERMISSIONS)[PermissionKey]

/** The key of a permission name (the sandbox grants and withholds by key). */
export function permissionKey(permission: Permission): PermissionKey {
  return (Object.keys(PERMISSIONS) as PermissionKey[]).find((key) => PERMISSIONS[key] === permission)!
}

export interface Operation<N extends string = string> {
  /** The operation's name (the capability's, for its 32), which is also the MCP tool name. */
  name: N
  method: HttpMethod
  /** Duo's path with {placeholders}, exactly as the capability file has it. */
  path: string
  summary: string
  description: string
  /** Path placeholders, in order of appearance. */
  pathParams: ParamSpec[]
  /** Query (GET/DELETE) or body (POST) parameters. */
  params: ParamSpec[]
  hints: Hints
  /** Where our hints differ from the capability file's verb-based ones: the file's value and why. */
  hintCorrection?: {seed: Partial<Hints>; reason: string}
  /** True when the call reaches a person (push, e-mail) or removes access: always confirmed. */
  needsConfirmation: boolean
  permission: Permission
  paging?: Paging
  /** Parameters that must not be given together. */
  exclusive?: ReadonlyArray<readonly string[]>
  /** The request needs a JSON body (nested JSON), so signature v5. */
  jsonBody?: boolean
  /**
   * Not in the bundled capability file (capability/duo-admin-api.naftiko.yaml): an operation we add
   * beyond the contract. The capability's own operations leave this out.
   */
  beyondCapability?: true
}

export const read: Hints = {destructive: false, idempotent: true, openWorld: true, readOnly: true}
export const write: Hints = {destructive: false, idempotent: false, openWorld: true, readOnly: false}
export const remove: Hints = {destructive: true, idempotent: true, openWorld: true, readOnly: false}

export const userId: ParamSpec = {description: 'The user: a user id (DU…), or a username or alias', name: 'user_id', names: 'user', required: true, type: 'string'}
export const groupId: ParamSpec = {description: 'The group: a group id (DG…), or its name', name: 'group_id', names: 'group', required: true, type: 'string'}

export function paging(defaultLimit: number, maxLimit: number): {paging: Paging; params: ParamSpec[]} {
  return {
    paging: {defaultLimit, maxLimit},
    params: [
      {
        default: defaultLimit,
        description: `Page size (Duo's default ${defaultLimit}, at most ${maxLimit})`,
        max: maxLimit,
        min: 1,
        name: 'limit',
        type: 'integer',
      },
      {
        default: 0,
        description: 'Index of the first item to return; use the previous page\'s metadata.next_offset',
        min: 0,
        name: 'offset',
        type: 'integer',
      },
    ],
  }
}

export const userStatus = ['active', 'bypass', 'disabled'] as const

/** An entry as written: name, method and path first; confirmation, path parameters and permission derived. */
export type OperationEntry<N extends string> = Omit<Operation<N>, 'needsConfirmation' | 'pathParams' | 'permission'> & {
  needsConfirmation?: boolean
  pathParams?: ParamSpec[]
  /** Where it is not resource read or write (logs, account information, settings, administrators). */
  permission?: Permission
}

/** One catalog entry; the name stays a literal type, so OperationName lists every operation. */
export function op<const N extends string>(entry: OperationEntry<N>): Operation<N> {
  return {
    ...entry,
    needsConfirmation: entry.needsConfirmation ?? entry.hints.destructive,
    pathParams: entry.pathParams ?? [],
    permission: entry.permission ?? (entry.hints.readOnly ? PERMISSIONS.read : PERMISSIONS.write),
  }
}

