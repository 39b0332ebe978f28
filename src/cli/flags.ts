// Flags shared by many commands, declared once so help text and behaviour stay the same.
import {Flags} from '@oclif/core'

import {type OperationName, getOperation} from '../core/catalog/index.js'
import {parseSeconds} from '../core/durations.js'

/** How a list prints: chosen columns, or CSV instead of a table (also for lists Duo does not page). */
export const tableFlags = {
  columns: Flags.string({description: 'Comma-separated columns to show (table and CSV)'}),
  csv: Flags.boolean({description: 'Print CSV with a header row instead of a table', exclusive: ['json']}),
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
 * seconds) and yields whole seconds, within the catalog's bounds. A bad value is a usage error
 * (exit 2), reported by oclif like any other flag it cannot parse.
 */
export function secondsFlag(operation: OperationName, param: string) {
  const spec = getOperation(operation).params.find((p) => p.name === param)
  if (!spec) throw new Error(`${operation} has no parameter ${param}`)
  const flag = `--${param.replaceAll('_', '-')}`
  return Flags.custom<number>({
    description: `${spec.description}: seconds, or a span such as 90s, 15m, 12h, 7d`,
    helpValue: '<span>',
    async parse(input) {
      try {
        const seconds = parseSeconds(input, flag)
        if (spec.min !== undefined && seconds < spec.min) throw new Error(`${flag} must be at least ${spec.min} seconds (got ${input}).`)
        if (spec.max !== undefined && seconds > spec.max) throw new Error(`${flag} must be at most ${spec.max} seconds (got ${input}).`)
        return seconds
      } catch (error) {
        const hint = (error as {hint?: string}).hint
        throw Object.assign(new Error(hint ? `${(error as Error).message} ${hint}` : (error as Error).message), {oclif: {exit: 2}})
      }
    },
  })()
}
