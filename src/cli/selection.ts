// What a list prints of each record, or a command of one record prints of it: --fields picks named
// fields (JSON, NDJSON, CSV, tables and the record view alike), --query evaluates a JMESPath
// expression over the JSON (the page, each NDJSON line, or the record).
// JMESPath is what `aws --query` uses: a specified language with a compliance suite, implemented in
// plain JavaScript (no WebAssembly to load at start), so a query costs nothing until it is used.
import {UsageError} from '../core/errors.js'
import type {Row} from './output.js'

/** The names in `--fields a,b` (or the older `--columns`), in the order given. */
function parseFields(requested: string | undefined): string[] | undefined {
  if (requested === undefined) return undefined
  const names = requested.split(',').map((c) => c.trim()).filter(Boolean)
  if (names.length === 0) throw new UsageError('--fields names no field.', 'Pass comma-separated field names, e.g. --fields username,email.')
  return names
}

/**
 * Refuses names that none of these records has, listing the ones they have. Checked against the
 * first records Duo returns (Duo documents no schema a client could check against beforehand).
 */
export function checkFields(fields: readonly string[], records: readonly Row[]): void {
  if (records.length === 0) return
  const known = new Set(records.flatMap((r) => Object.keys(r)))
  const unknown = fields.filter((f) => !known.has(f))
  if (unknown.length === 0) return
  const plural = unknown.length > 1 ? 's' : ''
  throw new UsageError(`Unknown field${plural} ${unknown.map((f) => `"${f}"`).join(', ')}.`, `Valid fields: ${[...known].sort().join(', ')}.`)
}

/** Only the chosen fields, in their order (a field a record lacks is null, as in a table's empty cell). */
export function pickFields(record: Row, fields: readonly string[]): Row {
  return Object.fromEntries(fields.map((f) => [f, record[f] ?? null]))
}

interface JmesPath {
  compile(expression: string): unknown
  TreeInterpreter: {search(node: unknown, value: unknown): unknown}
}

/** The package, named by a variable so that it stays a plain runtime import, loaded only with --query. */
const JMESPATH_PACKAGE = '@jmespath-community/jmespath'

/** --fields and --query as given, checked before anything is sent (a query needs --json). */
export interface Selection {
  fields?: string[]
  query?: (value: unknown) => unknown
}

export async function parseSelection(flags: {fields?: string; query?: string}, json: boolean): Promise<Selection> {
  const fields = parseFields(flags.fields)
  if (flags.query !== undefined && !json) throw new UsageError('--query works on JSON.', 'Add --json.')
  return {fields, query: flags.query === undefined ? undefined : await compileQuery(flags.query)}
}

/** A compiled --query: a syntax error is a usage error before anything is sent. */
async function compileQuery(expression: string): Promise<(value: unknown) => unknown> {
  const jmespath = (await import(JMESPATH_PACKAGE)) as JmesPath
  let node: unknown
  try {
    node = jmespath.compile(expression)
  } catch (error) {
    throw new UsageError(`--query "${expression}" is not a JMESPath expression: ${(error as Error).message}`, 'See https://jmespath.org/tutorial.html for the syntax.')
  }

  return (value) => jmespath.TreeInterpreter.search(node, value)
}
