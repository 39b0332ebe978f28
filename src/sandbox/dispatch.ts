// Runs one operation: permission, parameter checks (catalog-driven, via checkParams), then its
// handler. Requests and /admin/v1/bulk entries both come through here.
import {type Operation, permissionKey} from '../core/catalog/index.js'
import {isAccountsApiPath} from '../core/child-accounts.js'
import {checkParams, describeProblems} from '../core/params.js'
import type {RequestParams} from '../core/calls.js'
import {ApiFailure, type Result, invalidParams, missingParams} from './envelope.js'
import type {SandboxEnv} from './handlers/context.js'
import {handlers} from './handlers/index.js'
import {adminLogEntry} from './logs/admin-actions.js'
import type {Route} from '../core/routes.js'

export function execute(env: SandboxEnv, route: Route, input: Record<string, unknown>): Result {
  const {operation} = route
  if (!env.permissions[permissionKey(operation.permission)]) {
    throw new ApiFailure(403, 40_301, 'Access forbidden', `the integration lacks the "${operation.permission}" permission`)
  }

  const params = validate(operation, withoutIgnored(operation, input))
  const handler = handlers[operation.name]
  const logWrite = adminLogEntry(env.state, env.now(), operation, params, route.pathParams)
  const result = handler({...env, execute: (next, nextInput) => execute(env, next, nextInput), operation, params, path: route.pathParams})
  logWrite?.(result)
  return result
}

/**
 * What Duo accepts and ignores, which is therefore not "unknown": `account_id` on every Admin API
 * call (the MSP parameter duo_client_python adds to every call once set; a child's host checks it
 * before dispatch, see child-accounts.ts, and the parent's ignores it) and the legacy group flags
 * Duo's Admin API docs keep accepting (duo_client_python still sends them from create_group /
 * modify_group). The Accounts API's own calls never get account_id added, so there it is unknown.
 */
const IGNORED_EVERYWHERE = ['account_id']
const IGNORED_BY: Partial<Record<string, readonly string[]>> = {
  creategroup: ['push_enabled', 'sms_enabled', 'voice_enabled', 'mobile_otp_enabled'],
  updategroup: ['push_enabled', 'sms_enabled', 'voice_enabled', 'mobile_otp_enabled'],
}

function withoutIgnored(operation: Operation, input: Record<string, unknown>): Record<string, unknown> {
  const ignored = new Set([...(isAccountsApiPath(operation.path) ? [] : IGNORED_EVERYWHERE), ...(IGNORED_BY[operation.name] ?? [])])
  // A parameter the catalog itself declares is checked as declared.
  for (const param of operation.params) ignored.delete(param.name)
  return Object.fromEntries(Object.entries(input).filter(([name]) => !ignored.has(name)))
}

/**
 * Unknown parameters are refused (40002) although Duo seems to ignore them: a typo then fails
 * loudly here instead of silently doing less against the real API.
 */
function validate(operation: Operation, input: Record<string, unknown>): RequestParams {
  const missing = operation.params.filter((p) => p.required && (input[p.name] === undefined || input[p.name] === ''))
  if (missing.length > 0) throw missingParams(missing.map((p) => `${p.name} is required`).join('; '))
  const {params, problems} = checkParams(operation, clampLimit(operation, input))
  if (problems.length > 0) throw invalidParams(describeProblems(problems))
  return params
}

/**
 * A limit above the maximum is clamped, not refused: the Ruby client sends limit=1000 to every list
 * endpoint and works (duo_api_ruby; Duo's exact behaviour is unconfirmed). Below 1 is refused.
 */
function clampLimit(operation: Operation, input: Record<string, unknown>): Record<string, unknown> {
  const max = operation.paging?.maxLimit
  const limit = input.limit
  if (max === undefined || (typeof limit !== 'string' && typeof limit !== 'number')) return input
  return /^\s*\d+\s*$/.test(String(limit)) && Number(limit) > max ? {...input, limit: String(max)} : input
}
