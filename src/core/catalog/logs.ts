// Logs and Trust Monitor (Duo Admin API docs, "Logs" and "Trust Monitor"): each log pages its own way,
// which the descriptions spell out for agents; the CLI hides it behind tasks/log-reader.ts.
// - v2 authentication, telephony and activity: mintime/maxtime in milliseconds (both required), a
//   cursor in metadata.next_offset sent back as next_offset ("<ms>,<id>");
// - Trust Monitor: the same window, the cursor sent back as `offset` (duo_client_python's
//   json_cursor_api_call);
// - v1 administrator, offline enrollment and telephony: mintime in seconds, the 1000 oldest rows
//   at or after it, paged by moving mintime forward (duo_api_golang's logs.go).
// They need the "Grant read log" permission. `limit` above the maximum is clamped by Duo (the Ruby
// client asks for 1000 everywhere), so it carries no max here: the sandbox clamps as Duo does.
import {type ParamSpec, op, read} from './types.js'

/** Documented filter values (Duo Admin API docs, "Authentication Logs"; duo_client_python's VALID_AUTHLOG_REQUEST_PARAMS). */
export const AUTH_RESULTS = ['success', 'denied', 'fraud'] as const
export const AUTH_EVENT_TYPES = ['authentication', 'enrollment'] as const
export const AUTH_FACTORS = [
  'duo_push', 'phone_call', 'u2f_token', 'hardware_token', 'bypass_code', 'sms_passcode', 'duo_mobile_passcode',
  'yubikey_code', 'passcode', 'digipass_go_7_token', 'WebAuthn Security Key', 'WebAuthn Chrome Touch ID',
  'WebAuthn Credential', 'not_available', 'sms_refresh', 'remembered_device', 'trusted_network', 'trusted_mobile_authenticator',
] as const
export const AUTH_DENIAL_REASONS = [
  'user_marked_fraud', 'deny_unenrolled_user', 'error', 'locked_out', 'user_disabled', 'user_cancelled', 'invalid_passcode',
  'no_response', 'no_keys_pressed', 'call_timed_out', 'location_restricted', 'factor_restricted', 'platform_restricted',
  'version_restricted', 'rooted_device', 'no_screen_lock', 'touch_id_disabled', 'no_disk_encryption', 'anonymous_ip',
  'out_of_date', 'denied_by_policy', 'software_restricted', 'no_duo_certificate_present', 'user_provided_invalid_certificate',
  'could_not_determine_if_endpoint_was_trusted', 'invalid_management_certificate_collection_state',
  'no_referring_hostname_provided', 'invalid_referring_hostname_provided', 'no_web_referer_match',
  'endpoint_failed_google_verification', 'endpoint_is_not_trusted', 'invalid_device', 'anomalous_push',
  'endpoint_is_not_in_management_system', 'no_activated_duo_mobile_account', 'user_not_in_permitted_group',
] as const
export const AUTH_SUCCESS_REASONS = [
  'allow_unenrolled_user', 'bypass_user', 'trusted_network', 'remembered_device', 'trusted_location', 'user_approved',
  'valid_passcode', 'allowed_by_policy', 'allow_unenrolled_user_on_trusted_network',
] as const
export const AUTH_REASONS = [...AUTH_DENIAL_REASONS, ...AUTH_SUCCESS_REASONS] as const
export const TRUST_MONITOR_TYPES = ['auth', 'bypass_status_enabled'] as const

/** Duo's documented maximum page of the v2 logs (authentication, telephony, activity). */
export const LOG_MAX_LIMIT = 1000
/** Trust Monitor: Duo documents 500, duo_api_ruby clamps to 200; 200 is safe for both. */
export const TRUST_MONITOR_MAX_LIMIT = 200

const windowParams = (what: string): ParamSpec[] => [
  {description: `Oldest ${what} to return, Unix time in MILLISECONDS (13 digits); within the last 180 days`, min: 0, name: 'mintime', required: true, type: 'integer'},
  {description: 'Newest to return, Unix time in MILLISECONDS; must be greater than mintime. Duo holds events back about 2 minutes', min: 0, name: 'maxtime', required: true, type: 'integer'},
]

const limitParam = (defaultLimit: number, maxLimit: number): ParamSpec => ({
  default: defaultLimit,
  description: `Page size (Duo's default ${defaultLimit}, at most ${maxLimit}; larger values are clamped)`,
  min: 1,
  name: 'limit',
  type: 'integer',
})

const sortParam: ParamSpec = {description: 'ts:asc (oldest first) or ts:desc (newest first, Duo\'s default)', enum: ['ts:asc', 'ts:desc'], name: 'sort', type: 'string'}

const cursorParam: ParamSpec = {
  description: 'The previous page\'s metadata.next_offset, to get the next page (same window and filters); for authentication logs, join its two parts with a comma',
  name: 'next_offset',
  type: 'string',
}

const v1MintimeParam: ParamSpec = {
  description: 'Only rows at or after this Unix time in SECONDS; the 1000 oldest such rows are returned. Page by calling again with the newest timestamp seen',
  min: 0,
  name: 'mintime',
  type: 'integer',
}

const v2CursorPaging =
  'Pages with a cursor: when the result has metadata.next_offset, call again with the same window and filters and next_offset set to it; null or missing means this was the last page.'

const v1Paging = 'Returns at most the 1000 oldest rows at or after mintime, oldest first; with 1000 rows, call again with mintime set to the newest timestamp seen (rows in that second repeat).'

export const logOperations = [
  op({
    name: 'listauthlogs',
    method: 'GET',
    path: '/admin/v2/logs/authentication',
    beyondCapability: true,
    description:
      'Authentication log (v2): who logged in to which application, how, from where, and whether Duo allowed it, with the reason. ' +
      'Filter by users (user ids, or usernames which are resolved), groups, applications (integration keys), results, reasons, factors, event types. ' +
      v2CursorPaging,
    hints: read,
    params: [
      ...windowParams('authentication'),
      limitParam(100, LOG_MAX_LIMIT),
      cursorParam,
      sortParam,
      {description: 'Only these users: a user id (DU…) or a username, repeatable', name: 'users', names: 'user', repeated: true, type: 'string'},
      {description: 'Only members of these groups: a group id (DG…) or a group name, repeatable', name: 'groups', names: 'group', repeated: true, type: 'string'},
      {description: 'Only these applications: an integration key (DI…), repeatable', name: 'applications', repeated: true, type: 'string'},
      {description: 'Only these phone numbers, as shown in the log, repeatable', name: 'phone_numbers', repeated: true, type: 'string'},
      {description: 'Only these WebAuthn keys or U2F registration ids, repeatable', name: 'tokens', repeated: true, type: 'string'},
      {description: 'authentication or enrollment, repeatable', enum: AUTH_EVENT_TYPES, name: 'event_types', repeated: true, type: 'string'},
      {description: 'success, denied or fraud, repeatable', enum: AUTH_RESULTS, name: 'results', repeated: true, type: 'string'},
      {description: 'Only these reasons (e.g. locked_out, no_response, denied_by_policy, user_approved), repeatable', enum: AUTH_REASONS, name: 'reasons', repeated: true, type: 'string'},
      {description: 'Only these factors (e.g. duo_push, phone_call, sms_passcode, passcode), repeatable', enum: AUTH_FACTORS, name: 'factors', repeated: true, type: 'string'},
    ],
    permission: 'Grant read log',
    summary: 'List authentication log events (v2)',
  }),
  op({
    name: 'listadminlogs',
    method: 'GET',
    path: '/admin/v1/logs/administrator',
    beyondCapability: true,
    description: 'Administrator log: every change made by an administrator or the Admin API (action, object, description). ' + v1Paging,
    hints: read,
    params: [v1MintimeParam],
    permission: 'Grant read log',
    summary: 'List administrator log entries',
  }),
  op({
    name: 'listtelephonylogs',
    method: 'GET',
    path: '/admin/v2/logs/telephony',
    beyondCapability: true,
    description: 'Telephony log (v2): SMS messages and phone calls Duo sent, with the credits used. ' + v2CursorPaging,
    hints: read,
    params: [...windowParams('telephony event'), limitParam(100, LOG_MAX_LIMIT), cursorParam, sortParam],
    permission: 'Grant read log',
    summary: 'List telephony log events (v2)',
  }),
  op({
    name: 'listtelephonylogsv1',
    method: 'GET',
    path: '/admin/v1/logs/telephony',
    beyondCapability: true,
    description: 'Telephony log (legacy v1), for accounts where v2 is not available. ' + v1Paging,
    hints: read,
    params: [v1MintimeParam],
    permission: 'Grant read log',
    summary: 'List telephony log events (v1, legacy)',
  }),
  op({
    name: 'listactivitylogs',
    method: 'GET',
    path: '/admin/v2/logs/activity',
    beyondCapability: true,
    description: 'Activity log (public preview): actions by administrators, users and systems, with actor, target and outcome. ' + v2CursorPaging,
    hints: read,
    params: [...windowParams('activity'), limitParam(100, LOG_MAX_LIMIT), cursorParam, sortParam],
    permission: 'Grant read log',
    summary: 'List activity log events',
  }),
  op({
    name: 'listofflineenrollmentlogs',
    method: 'GET',
    path: '/admin/v1/logs/offline_enrollment',
    beyondCapability: true,
    description: 'Offline enrollment log (Duo Windows Logon offline access): provisioning, deprovisioning and re-enrollment. ' + v1Paging,
    hints: read,
    params: [v1MintimeParam],
    permission: 'Grant read log',
    summary: 'List offline enrollment log entries',
  }),
  op({
    name: 'listtrustmonitorevents',
    method: 'GET',
    path: '/admin/v1/trust_monitor/events',
    beyondCapability: true,
    description:
      'Trust Monitor events: anomalous authentications Duo surfaced, and bypass status changes. ' +
      'Pages with a cursor: when the result has metadata.next_offset, call again with the same window and offset set to it; leave offset out on the first call.',
    hints: read,
    params: [
      ...windowParams('surfaced event'),
      limitParam(100, TRUST_MONITOR_MAX_LIMIT),
      {description: 'The previous page\'s metadata.next_offset (leave out on the first call)', name: 'offset', type: 'string'},
      {description: 'auth (denied anomalous authentications) or bypass_status_enabled', enum: TRUST_MONITOR_TYPES, name: 'type', type: 'string'},
    ],
    permission: 'Grant read log',
    summary: 'List Trust Monitor events',
  }),
] as const
