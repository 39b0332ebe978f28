// The operation catalog: the seed's 32 Admin API operations, one entry each. It is the single
// source for the CLI commands, `duo serve rest`, `duo serve mcp`, the sandbox's parameter checks
// and the docs. Parameter facts come from ../shared/reference/duo-admin-api.md §3-§4; where the
// reference marks a fact unconfirmed, the entry follows what Duo's official clients assume and
// says so next to it.

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

export type Permission = 'Grant resource - Read' | 'Grant resource - Write'

export interface Operation {
  /** The seed's operation name, which is also the MCP tool name. */
  name: string
  method: HttpMethod
  /** Duo's path with {placeholders}, exactly as in the seed. */
  path: string
  summary: string
  description: string
  /** Path placeholders, in order of appearance. */
  pathParams: ParamSpec[]
  /** Query (GET/DELETE) or body (POST) parameters. */
  params: ParamSpec[]
  hints: Hints
  /** Where our hints differ from the seed's verb-based ones: the seed's value and why. */
  hintCorrection?: {seed: Partial<Hints>; reason: string}
  /** True when the call reaches a person (push, e-mail) or removes access: always confirmed. */
  needsConfirmation: boolean
  permission: Permission
  paging?: Paging
  /** Parameters that must not be given together. */
  exclusive?: ReadonlyArray<readonly string[]>
  /** The request needs a JSON body (nested JSON), so signature v5. */
  jsonBody?: boolean
}

const read: Hints = {destructive: false, idempotent: true, openWorld: true, readOnly: true}
const write: Hints = {destructive: false, idempotent: false, openWorld: true, readOnly: false}
const remove: Hints = {destructive: true, idempotent: true, openWorld: true, readOnly: false}

const userId: ParamSpec = {description: 'The user: a user id (DU…)', name: 'user_id', required: true, type: 'string'}
const groupId: ParamSpec = {description: 'The group id (DG…)', name: 'group_id', required: true, type: 'string'}

function paging(defaultLimit: number, maxLimit: number): {paging: Paging; params: ParamSpec[]} {
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

const userStatus = ['active', 'bypass', 'disabled'] as const

/** Create and modify share these (reference §4.1); create makes username required. */
function userFields(usernameRequired: boolean): ParamSpec[] {
  return [
    {
      description: usernameRequired ? 'Username (unique)' : 'New username (renames the user)',
      name: 'username',
      required: usernameRequired,
      type: 'string',
    },
    {description: 'Full name', name: 'realname', type: 'string'},
    {description: 'E-mail address', name: 'email', type: 'string'},
    {description: 'Given name', name: 'firstname', type: 'string'},
    {description: 'Surname', name: 'lastname', type: 'string'},
    {
      description: 'active: Duo prompts; bypass: skips two-factor (weakens security); disabled: denies all logins',
      enum: userStatus,
      name: 'status',
      type: 'string',
    },
    {description: 'Free-text notes shown in the Admin Panel', name: 'notes', type: 'string'},
    ...[1, 2, 3, 4].map(
      (n): ParamSpec => ({
        description: `Legacy alias slot ${n} (an empty value clears it; not with aliases)`,
        name: `alias${n}`,
        type: 'string',
      }),
    ),
    {
      description: 'Up to 8 aliases as URL-encoded pairs, e.g. alias1=joe.smith&alias2=jsmith@example.com',
      name: 'aliases',
      type: 'string',
    },
    {
      description: 'Universal Prompt: go straight to the last-used method',
      name: 'enable_auto_prompt',
      type: 'boolean',
    },
  ]
}

const aliasExclusive = [['aliases', 'alias1'], ['aliases', 'alias2'], ['aliases', 'alias3'], ['aliases', 'alias4']] as const

const groupFields = (nameRequired: boolean): ParamSpec[] => [
  {description: 'Group name', name: 'name', required: nameRequired, type: 'string'},
  {description: 'Description', name: 'desc', type: 'string'},
  {
    description: 'active: members get Duo; bypass: members skip two-factor; disabled: members are denied',
    enum: userStatus,
    name: 'status',
    type: 'string',
  },
  // The legacy push_enabled/sms_enabled/… flags are left out: the Python client marks them legacy
  // and Duo ignores them on accounts using policies.
]

function op(entry: Omit<Operation, 'needsConfirmation' | 'pathParams' | 'permission'> & {
  needsConfirmation?: boolean
  pathParams?: ParamSpec[]
}): Operation {
  return {
    ...entry,
    needsConfirmation: entry.needsConfirmation ?? entry.hints.destructive,
    pathParams: entry.pathParams ?? [],
    permission: entry.hints.readOnly ? 'Grant resource - Read' : 'Grant resource - Write',
  }
}

export const operations: readonly Operation[] = [
  op({
    description:
      'List users, one page at a time. username (which also matches aliases) or email looks up one user; user_id_list or username_list fetch up to 100 by key.',
    hints: read,
    method: 'GET',
    name: 'listusers',
    path: '/admin/v1/users',
    summary: 'List users',
    ...paging(100, 300),
    params: [
      ...paging(100, 300).params,
      {description: 'Return only the user with this username or alias', name: 'username', type: 'string'},
      {description: 'Return only the user with this e-mail address', name: 'email', type: 'string'},
      {description: 'Return these users by id (at most 100)', maxItems: 100, name: 'user_id_list', type: 'id-list'},
      {description: 'Return these users by username (at most 100)', maxItems: 100, name: 'username_list', type: 'id-list'},
    ],
  }),
  op({
    description: 'Create a user. Only username is required; status defaults to active.',
    exclusive: aliasExclusive,
    hints: write,
    method: 'POST',
    name: 'createuser',
    params: userFields(true),
    path: '/admin/v1/users',
    summary: 'Create user',
  }),
  op({
    description:
      'Create up to 100 users in one call. users is a list of objects each with username and optionally realname, email, firstname, lastname, status, notes.',
    hints: write,
    method: 'POST',
    name: 'bulkcreateusers',
    params: [
      {
        description: 'The users to create: [{"username": "…", "realname": "…", …}] (at most 100)',
        // 100 per call is third-party (reference §4.1, unconfirmed); the official clients leave
        // batching to the caller, so we batch at 100 and let Duo's answer be the judge.
        maxItems: 100,
        name: 'users',
        required: true,
        type: 'object-list',
      },
    ],
    path: '/admin/v1/users/bulk_create',
    summary: 'Bulk create users',
  }),
  op({
    description: 'Restore up to 100 users from the Trash (users sent there with bulksenduserstotrash).',
    hints: write,
    method: 'POST',
    name: 'bulkrestoreusers',
    params: [
      {description: 'Ids of the users to restore (at most 100)', maxItems: 100, name: 'user_id_list', required: true, type: 'id-list'},
    ],
    path: '/admin/v1/users/bulk_restore',
    summary: 'Bulk restore users',
  }),
  op({
    description:
      'Send up to 100 users to the Trash: they are blocked at once ("pending deletion") and purged after the Trash period unless restored.',
    hintCorrection: {
      reason: 'Trashed users lose access immediately and are purged later: this removes access, so it is destructive.',
      seed: {destructive: false},
    },
    hints: {...write, destructive: true},
    method: 'POST',
    name: 'bulksenduserstotrash',
    params: [
      {description: 'Ids of the users to trash (at most 100)', maxItems: 100, name: 'user_id_list', required: true, type: 'id-list'},
    ],
    path: '/admin/v1/users/bulk_send_to_trash',
    summary: 'Bulk send users to Trash',
  }),
  op({
    description: 'Get one user with their phones, tokens, groups and WebAuthn credentials.',
    hints: read,
    method: 'GET',
    name: 'getuser',
    params: [],
    path: '/admin/v1/users/{user_id}',
    pathParams: [userId],
    summary: 'Get user',
  }),
  op({
    description: 'Change a user. Every field is optional; username renames. Setting status to bypass lets the user skip two-factor.',
    exclusive: aliasExclusive,
    hints: write,
    method: 'POST',
    name: 'updateuser',
    params: userFields(false),
    path: '/admin/v1/users/{user_id}',
    pathParams: [userId],
    summary: 'Update user',
  }),
  op({
    description: 'Delete a user permanently (not to the Trash, no restore). Phones used only by this user are kept.',
    hints: remove,
    method: 'DELETE',
    name: 'deleteuser',
    params: [],
    path: '/admin/v1/users/{user_id}',
    pathParams: [userId],
    summary: 'Delete user',
  }),
  op({
    description: 'E-mail an enrollment link to a person, creating the user. The link is valid for valid_secs (default 30 days).',
    hintCorrection: {
      reason: 'It sends an e-mail to a real person, an effect outside Duo that cannot be taken back: confirmed before sending.',
      seed: {},
    },
    hints: write,
    method: 'POST',
    name: 'enrolluser',
    needsConfirmation: true,
    params: [
      {description: 'Username (or alias) of the user to enroll', name: 'username', required: true, type: 'string'},
      {description: 'Where to send the enrollment e-mail', name: 'email', required: true, type: 'string'},
      {default: 2_592_000, description: 'Seconds the enrollment link stays valid (default 30 days)', min: 1, name: 'valid_secs', type: 'integer'},
    ],
    path: '/admin/v1/users/enroll',
    summary: 'Enroll user',
  }),
  op({
    description: 'List metadata about a user\'s bypass codes (ids, expiry, reuse count). The codes themselves are never returned.',
    hints: read,
    method: 'GET',
    name: 'listuserbypasscodes',
    path: '/admin/v1/users/{user_id}/bypass_codes',
    pathParams: [userId],
    summary: 'List user bypass codes',
    // Max 500 per Postman, 300 per the C# docs (reference §3.1): the lower bound is safe for both.
    ...paging(100, 300),
  }),
  op({
    description:
      'Generate bypass codes and return them (the only time they are shown). Unless preserve_existing is true, the user\'s existing codes are cleared.',
    exclusive: [['count', 'codes']],
    hintCorrection: {
      reason: 'Without preserve_existing=true Duo clears the user\'s existing bypass codes, and the result is a usable credential.',
      seed: {destructive: false},
    },
    hints: {...write, destructive: true},
    method: 'POST',
    name: 'createuserbypasscodes',
    params: [
      {default: 10, description: 'How many random codes to generate (1-10; not with codes)', max: 10, min: 1, name: 'count', type: 'integer'},
      {description: 'Explicit codes, comma-separated (not with count)', name: 'codes', type: 'string'},
      {default: 1, description: 'Uses per code; 0 means unlimited', min: 0, name: 'reuse_count', type: 'integer'},
      {default: 0, description: 'Seconds until the codes expire; 0 means never', min: 0, name: 'valid_secs', type: 'integer'},
      {default: false, description: 'Keep the user\'s existing codes instead of clearing them', name: 'preserve_existing', type: 'boolean'},
    ],
    path: '/admin/v1/users/{user_id}/bypass_codes',
    pathParams: [userId],
    summary: 'Generate bypass codes',
  }),
  op({
    description: 'List the groups a user belongs to.',
    hints: read,
    method: 'GET',
    name: 'listusergroups',
    path: '/admin/v1/users/{user_id}/groups',
    pathParams: [userId],
    summary: 'List user groups',
    ...paging(100, 500),
  }),
  op({
    description: 'Add a user to a group.',
    hints: write,
    method: 'POST',
    name: 'associateusergroup',
    params: [{description: 'The group to add the user to (DG…)', name: 'group_id', required: true, type: 'string'}],
    path: '/admin/v1/users/{user_id}/groups',
    pathParams: [userId],
    summary: 'Associate group with user',
  }),
  op({
    description: 'Remove a user from a group (succeeds even if the user was not a member).',
    hints: remove,
    method: 'DELETE',
    name: 'disassociateusergroup',
    params: [],
    path: '/admin/v1/users/{user_id}/groups/{group_id}',
    pathParams: [userId, groupId],
    summary: 'Disassociate group from user',
  }),
  op({
    description: 'List the phones attached to a user.',
    hints: read,
    method: 'GET',
    name: 'listuserphones',
    path: '/admin/v1/users/{user_id}/phones',
    pathParams: [userId],
    summary: 'List user phones',
    ...paging(100, 500),
  }),
  op({
    description: 'Attach an existing phone to a user.',
    hints: write,
    method: 'POST',
    name: 'associateuserphone',
    params: [{description: 'The phone to attach (DP…)', name: 'phone_id', required: true, type: 'string'}],
    path: '/admin/v1/users/{user_id}/phones',
    pathParams: [userId],
    summary: 'Associate phone with user',
  }),
  op({
    description: 'Detach a phone from a user. The phone itself is not deleted.',
    hints: remove,
    method: 'DELETE',
    name: 'disassociateuserphone',
    params: [],
    path: '/admin/v1/users/{user_id}/phones/{phone_id}',
    pathParams: [userId, {description: 'The phone id (DP…)', name: 'phone_id', required: true, type: 'string'}],
    summary: 'Disassociate phone from user',
  }),
  op({
    description: 'List the hardware tokens attached to a user.',
    hints: read,
    method: 'GET',
    name: 'listusertokens',
    path: '/admin/v1/users/{user_id}/tokens',
    pathParams: [userId],
    summary: 'List user hardware tokens',
    ...paging(100, 500),
  }),
  op({
    description: 'Attach an existing hardware token to a user.',
    hints: write,
    method: 'POST',
    name: 'associateusertoken',
    params: [{description: 'The hardware token to attach (DH…)', name: 'token_id', required: true, type: 'string'}],
    path: '/admin/v1/users/{user_id}/tokens',
    pathParams: [userId],
    summary: 'Associate hardware token with user',
  }),
  op({
    description: 'Detach a hardware token from a user. The token itself is not deleted.',
    hints: remove,
    method: 'DELETE',
    name: 'disassociateusertoken',
    params: [],
    path: '/admin/v1/users/{user_id}/tokens/{token_id}',
    pathParams: [userId, {description: 'The hardware token id (DH…)', name: 'token_id', required: true, type: 'string'}],
    summary: 'Disassociate hardware token from user',
  }),
  op({
    description: 'List a user\'s WebAuthn credentials (security keys, platform authenticators).',
    hints: read,
    method: 'GET',
    name: 'listuserwebauthncredentials',
    path: '/admin/v1/users/{user_id}/webauthncredentials',
    pathParams: [userId],
    summary: 'List WebAuthn credentials for user',
    // Paging is unconfirmed (reference §3.1); the Python client pages it with limit/offset, so do we.
    ...paging(100, 500),
  }),
  op({
    description: 'List a user\'s Duo Desktop authenticators.',
    hints: read,
    method: 'GET',
    name: 'listuserdesktopauthenticators',
    path: '/admin/v1/users/{user_id}/desktopauthenticators',
    pathParams: [userId],
    summary: 'List desktop authenticators for user',
    ...paging(100, 500),
  }),
  op({
    description: 'List the directories users are synced from (directory_key, name, directory_type).',
    hints: read,
    method: 'GET',
    name: 'listuserdirectorysyncs',
    // Parameters are unconfirmed (reference §4.1): the official clients send none, so neither do we.
    params: [],
    path: '/admin/v1/users/directorysync',
    summary: 'List user directory syncs',
  }),
  op({
    description:
      'Sync one user from a directory now: creates, updates, or marks the user for deletion as the directory says.',
    hintCorrection: {
      reason: 'A sync can mark the user for deletion and so remove access.',
      seed: {destructive: false},
    },
    hints: {...write, destructive: true},
    method: 'POST',
    name: 'syncdirectoryuser',
    params: [
      {description: 'The username as it exists in the source directory', name: 'username', required: true, type: 'string'},
    ],
    path: '/admin/v1/users/directorysync/{directory_key}/syncuser',
    pathParams: [
      {description: 'The directory key (from listuserdirectorysyncs)', name: 'directory_key', required: true, type: 'string'},
    ],
    summary: 'Sync directory user',
  }),
  op({
    description:
      'Send a verification Duo Push to the user\'s phone; returns push_id and the confirmation_code the person will see. Read the answer with getverificationpushresponse within 120 s.',
    hintCorrection: {
      reason: 'It pushes a prompt to a real person\'s phone: confirmed before sending.',
      seed: {},
    },
    hints: write,
    method: 'POST',
    name: 'sendverificationpush',
    needsConfirmation: true,
    params: [{description: 'The phone to push to (DP…)', name: 'phone_id', required: true, type: 'string'}],
    path: '/admin/v1/users/{user_id}/send_verification_push',
    pathParams: [userId],
    summary: 'Send verification Duo Push',
  }),
  op({
    description: 'Read the answer to a verification push: approve, deny, fraud or waiting (available for 120 s).',
    hints: read,
    method: 'GET',
    name: 'getverificationpushresponse',
    params: [{description: 'The push_id returned by sendverificationpush', name: 'push_id', required: true, type: 'string'}],
    path: '/admin/v1/users/{user_id}/verification_push_response',
    pathParams: [userId],
    summary: 'Retrieve verification push result',
  }),
  op({
    description: 'List groups, one page at a time; group_id_list fetches up to 100 by id.',
    hints: read,
    method: 'GET',
    name: 'listgroups',
    path: '/admin/v1/groups',
    summary: 'List groups',
    // Max 500 per Postman, 100 per the C# docs (reference §3.1): 100 is safe for both.
    ...paging(100, 100),
    params: [
      ...paging(100, 100).params,
      {description: 'Return these groups by id (at most 100)', maxItems: 100, name: 'group_id_list', type: 'id-list'},
    ],
  }),
  op({
    description: 'Create a group.',
    hints: write,
    method: 'POST',
    name: 'creategroup',
    params: groupFields(true),
    path: '/admin/v1/groups',
    summary: 'Create group',
  }),
  op({
    description: 'Change a group\'s name, description or status.',
    hints: write,
    method: 'POST',
    name: 'updategroup',
    params: groupFields(false),
    path: '/admin/v1/groups/{group_id}',
    pathParams: [groupId],
    summary: 'Update group',
  }),
  op({
    description: 'Get one group.',
    hints: read,
    method: 'GET',
    name: 'getgroupv2',
    params: [],
    path: '/admin/v2/groups/{group_id}',
    pathParams: [groupId],
    summary: 'Get group (v2)',
  }),
  op({
    description: 'List the members of a group (user_id and username of each).',
    hints: read,
    method: 'GET',
    name: 'listgroupusersv2',
    path: '/admin/v2/groups/{group_id}/users',
    pathParams: [groupId],
    summary: 'List group users (v2)',
    ...paging(100, 500),
  }),
  op({
    description:
      'Run up to 50 user operations in one call. Each is {method, path, body}: POST /admin/v1/users (create), POST /admin/v1/users/{id} (modify), DELETE /admin/v1/users/{id}, POST /admin/v1/users/{id}/groups (add to group), DELETE /admin/v1/users/{id}/groups/{group_id}.',
    hintCorrection: {
      reason: 'Its operations may delete users and remove group memberships: treated as destructive, like those calls on their own.',
      seed: {destructive: false},
    },
    hints: {...write, destructive: true},
    jsonBody: true,
    method: 'POST',
    name: 'bulkoperations',
    params: [
      {
        description: 'The operations: [{"method": "POST", "path": "/admin/v1/users", "body": {"username": "x"}}, …] (at most 50)',
        // 50 is third-party (reference §4.5, unconfirmed); we keep to it.
        maxItems: 50,
        name: 'operations',
        required: true,
        type: 'operations',
      },
    ],
    path: '/admin/v1/bulk',
    summary: 'Bulk operations',
  }),
]

const byName = new Map(operations.map((o) => [o.name, o]))

export function getOperation(name: string): Operation {
  const found = byName.get(name)
  if (!found) throw new Error(`unknown operation ${name}`)
  return found
}

/** Path placeholders first, then the query or body parameters. */
export function allParams(operation: Operation): ParamSpec[] {
  return [...operation.pathParams, ...operation.params]
}
