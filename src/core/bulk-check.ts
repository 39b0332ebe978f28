// /admin/v1/bulk takes a list of {method, path, body}: each is checked here as the call it stands
// for (its route in the catalog, one of the five Duo runs in bulk, its path ids and body parameters
// as that operation's own checks would), and a repeat of an earlier entry is refused, so a file is
// never applied in part because of an entry that could not work. prepareCall runs this for every
// surface; `duo bulk` runs it over the whole file first.
import type {OperationName} from './catalog/index.js'
import {checkParams, checkPathParams, describeProblems} from './params.js'
import type {ParamProblem} from './params.js'
import {plainPathProblem} from './path-safety.js'
import {matchRoute} from './routes.js'

/** What Duo runs in bulk (Duo Admin API docs, "Bulk Operations"; group removal as DELETE, per duo_api_ruby). */
export const BULK_OPERATIONS: ReadonlySet<OperationName> = new Set(['createuser', 'updateuser', 'deleteuser', 'associateusergroup', 'disassociateusergroup'])

export interface BulkEntryShape {
  method: string
  path: string
  body?: Record<string, unknown>
}

/** Every problem of every entry, numbered from 1 (`first` shifts the numbers, for a file sent in parts). */
export function checkBulkEntries(entries: readonly BulkEntryShape[], first = 1): ParamProblem[] {
  const problems: ParamProblem[] = []
  const seen = new Map<string, number>()
  for (const [index, entry] of entries.entries()) {
    const number = first + index
    const param = `operation ${number} (${entry.method.toUpperCase()} ${entry.path})`
    const problem = (message: string) => problems.push({message, param})
    const pathProblem = plainPathProblem(entry.path)
    if (pathProblem) {
      problem(`is refused: its path ${pathProblem}`)
      continue
    }

    const match = matchRoute(entry.method, entry.path)
    if (match.kind === 'not-found') {
      problem('is not an Admin API path')
      continue
    }

    if (match.kind === 'method-not-allowed' || !BULK_OPERATIONS.has(match.route.operation.name)) {
      problem('cannot run in bulk: only creating, changing and deleting users and adding or removing group members can')
      continue
    }

    const {operation, pathParams} = match.route
    const checked = checkParams(operation, entry.body ?? {})
    const found = [...checkPathParams(operation, pathParams), ...checked.problems]
    if (found.length > 0) {
      problem(`is refused: ${describeProblems(found)}`)
      continue
    }

    // The same create (by username, as Duo matches them) or the same call twice.
    const key =
      operation.name === 'createuser'
        ? `createuser ${String(checked.params.username).toLowerCase()}`
        : `${operation.name} ${JSON.stringify(pathParams)} ${JSON.stringify(Object.entries(checked.params).sort())}`
    const earlier = seen.get(key)
    if (earlier === undefined) seen.set(key, number)
    else problem(`repeats operation ${earlier}`)
  }

  return problems
}
