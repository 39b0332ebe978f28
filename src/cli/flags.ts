// Flags shared by many commands, declared once so help text and behaviour stay the same.
import {Flags} from '@oclif/core'

import {type OperationName, getOperation} from '../core/catalog/index.js'
import {formatSeconds, parseSeconds} from '../core/durations.js'

/** How a list prints: chosen fields, CSV instead of a table, a query over the JSON (also for lists Duo does not page). */
export const tableFlags = {
  csv: Flags.boolean({description: 'Print CSV with a header row instead of a table', exclusive: ['json']}),
  fields: Flags.string({
    aliases: ['columns'],
    description: 'Comma-separated fields to print, in this order (table, CSV, JSON and NDJSON alike; --columns is the same)',
  }),
  query: Flags.string({description: 'JMESPath expression applied to the JSON: the page, or each line with --all (needs --json)'}),
}

/** What a command of one record prints of it (RecordCommand): chosen fields, or a query over the JSON. */
export const recordFlags = {
  fields: Flags.string({
    aliases: ['columns'],
    description: 'Comma-separated fields to print, in this order (the record view and JSON alike; --columns is the same)',
  }),
  query: Flags.string({description: 'JMESPath expression applied to the JSON record (needs --json)'}),
}

/** For list commands: one page (--limit/--offset) or every page (--all), and how to print it; the page size's bounds are the operation's. */
export function listFlags(operation: OperationName) {
  const {defaultLimit, maxLimit} = getOperation(operation).paging!
  return {
    all: Flags.boolean({description: 'Follow pages to the end, streaming (NDJSON with --json)', exclusive: ['offset']}),
    ...tableFlags,
    limit: Flags.integer({description: `Page size (1-${maxLimit}; Duo's default ${defaultLimit})`, max: maxLimit, min: 1}),
    offset: Flags.integer({description: 'Start at this index (from a previous page\'s next_offset)', min: 0}),
  }
}

export const yesFlag = {
  yes: Flags.boolean({char: 'y', description: 'Do not ask for confirmation (required without a terminal)'}),
}

/**
 * A flag for one of Duo's `*_secs` parameters that takes a time span (90s, 15m, 12h, 7d or plain
 * seconds) and yields whole seconds, within the catalog's bounds.
 */
export function secondsFlag(operation: OperationName, param: string) {
  const spec = getOperation(operation).params.find((p) => p.name === param)
  if (!spec) throw new Error(`${operation} has no parameter ${param}`)
  return spanFlag(`--${param.replaceAll('_', '-')}`, spec)({description: `${spec.description}: seconds, or a span such as 90s, 15m, 12h, 7d`})
}

/**
 * Any flag that takes seconds: a time span (90, 90s, 2m, 12h, 7d) read as whole seconds, within
 * `bounds`. A bad value or one out of bounds is a usage error (exit 2), reported by oclif like any
 * other flag it cannot parse. Call the result with the flag's description (and default).
 */
export function spanFlag(flag: string, bounds: {max?: number; min?: number}) {
  return Flags.custom<number>({
    helpValue: '<span>',
    async parse(input) {
      try {
        const seconds = parseSeconds(input, flag)
        if (bounds.min !== undefined && seconds < bounds.min) throw new Error(`${flag} must be at least ${formatSeconds(bounds.min)} (got ${input}).`)
        if (bounds.max !== undefined && seconds > bounds.max) throw new Error(`${flag} must be at most ${formatSeconds(bounds.max)} (got ${input}).`)
        return seconds
      } catch (error) {
        const hint = (error as {hint?: string}).hint
        throw Object.assign(new Error(hint ? `${(error as Error).message} ${hint}` : (error as Error).message), {oclif: {exit: 2}})
      }
    },
  })
}
