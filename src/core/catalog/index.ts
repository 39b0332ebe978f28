// The operation catalog: every Admin API operation duo knows, one entry each, split by resource.
// It is the single source for the CLI commands, `duo serve rest`, `duo serve mcp`, the sandbox's
// parameter checks and handler table, and the docs. Facts come from Duo's Admin API documentation
// (duo.com/docs/adminapi); where it is silent, an entry follows Duo's official clients
// (duo_client_python, duo_api_nodejs) and says so next to the choice.
import {accountOperations} from './account.js'
import {accountsOperations} from './accounts.js'
import {authenticatorOperations} from './authenticators.js'
import {billingOperations} from './billing.js'
import {bulkOperations} from './bulk.js'
import {bypassCodeOperations} from './bypass-codes.js'
import {groupOperations} from './groups.js'
import {phoneOperations} from './phones.js'
import {tokenOperations} from './tokens.js'
import {logOperations} from './logs.js'
import type {Operation, ParamSpec} from './types.js'
import {userOperations} from './users.js'

export {PERMISSIONS, permissionKey} from './types.js'
export type {HttpMethod, Hints, Operation, ParamSpec, ParamType, Paging, Permission, PermissionKey} from './types.js'

export const operations = [
  ...userOperations,
  ...groupOperations,
  ...bulkOperations,
  ...phoneOperations,
  ...tokenOperations,
  ...authenticatorOperations,
  ...bypassCodeOperations,
  ...accountOperations,
  ...logOperations,
  ...accountsOperations,
  ...billingOperations,
] as const

/** The name of every operation in the catalog: a typo in an operation name is a compile error. */
export type OperationName = (typeof operations)[number]['name']

/** An operation known to be in the catalog, its name typed. */
export type CatalogOperation = Operation<OperationName>

const byName = new Map<string, CatalogOperation>(operations.map((o) => [o.name, o]))

export function getOperation(name: OperationName): CatalogOperation {
  return byName.get(name)!
}

/** The operation of that name, if it is one (names from outside: REST, MCP, files). */
export function findOperation(name: string): CatalogOperation | undefined {
  return byName.get(name)
}

/** Path placeholders first, then the query or body parameters. */
export function allParams(operation: Operation): ParamSpec[] {
  return [...operation.pathParams, ...operation.params]
}
