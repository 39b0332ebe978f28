// What every handler gets: the state, the sandbox clock and settings, its checked parameters, and a
// way to run another operation (for /admin/v1/bulk).
import type {ChildAccount, RequestParams} from '../../core/calls.js'
import type {Operation, OperationName, PermissionKey} from '../../core/catalog/index.js'
import type {Result} from '../envelope.js'
import type {ChildBilling, PushAnswer} from '../records.js'
import type {Route} from '../../core/routes.js'
import type {SandboxState} from '../state.js'

export interface SandboxEnv {
  state: SandboxState
  /** The sandbox clock, in milliseconds (real time + clockOffsetMs). */
  now(): number
  /** What the integration is granted: false withholds it (40301). */
  permissions: Record<PermissionKey, boolean>
  push: {answer: PushAnswer; delayMs: number}
  /** The parent's child accounts, for its Accounts API (a child's host never reaches it). */
  accounts: ChildAccounts
  /** On a child account's host: which child it is. */
  child?: {account_id: string; name: string; billing: ChildBilling}
}

export interface ChildAccounts {
  list(): ChildAccount[]
  /** Creates one with an empty tenant, served at once on a host of its own. */
  create(name: string): ChildAccount
  /** False when there is no such child. */
  remove(accountId: string): boolean
}

export interface HandlerContext extends SandboxEnv {
  operation: Operation
  path: Record<string, string>
  params: RequestParams
  /** Runs another operation with the same checks a request gets (permission, parameters). */
  execute(route: Route, input: Record<string, unknown>): Result
}

export type Handler = (ctx: HandlerContext) => Result

/** Some operations' handlers, by operation name (a resource module's share of the table). */
export type Handlers = Partial<Record<OperationName, Handler>>

/** A checked scalar parameter (checkParams leaves scalars as strings). */
export function param(ctx: HandlerContext, name: string): string | undefined {
  const value = ctx.params[name]
  return typeof value === 'string' ? value : undefined
}

/** A checked id-list parameter: checkParams leaves it as a JSON-encoded array string. */
export function listParam(ctx: HandlerContext, name: string): string[] | undefined {
  const value = param(ctx, name)
  return value === undefined ? undefined : (JSON.parse(value) as string[])
}

/** Duo timestamps are Unix seconds. */
export function nowSeconds(ctx: SandboxEnv): number {
  return Math.floor(ctx.now() / 1000)
}
