// Printing a list command's result: one page or every page (--all), as a table, CSV or JSON.
// --all streams page by page (NDJSON under --json), so even 100,000 users are never all in memory.
import type {DuoClient} from '../transport/client.js'
import {call, callPages} from '../core/call.js'
import type {OperationName} from '../core/catalog/index.js'
import {type Row, TablePrinter, pickColumns, renderCsv, writeJsonLines} from './output.js'

export interface ListOptions {
  operation: OperationName
  /** The operation's input; a user or group may be given by name. */
  input: Record<string, unknown>
  all: boolean
  json: boolean
  csv: boolean
  columns?: string
  defaultColumns: readonly string[]
  /** Where human text goes (the command's this.log). */
  log: (text: string) => void
  /** Progress for people (stderr, terminal only). */
  progress?: (fetched: number, total: number | undefined) => void
}

/** Returns the page for --json (undefined with --all, which has streamed everything already). */
export async function printList(client: DuoClient, options: ListOptions): Promise<Row[] | undefined> {
  const columns = pickColumns(options.columns, options.defaultColumns)
  const table = new TablePrinter(columns)
  let csvHeader = true
  const print = async (items: Row[]) => {
    if (options.json) {
      if (options.all) await writeJsonLines(items)
      return
    }

    if (options.csv) {
      if (items.length > 0 || csvHeader) options.log(renderCsv(items, columns, csvHeader))
      csvHeader = false
      return
    }

    const text = table.render(items)
    if (text) options.log(text)
  }

  if (!options.all) {
    const page = await call<Row[]>(client, options.operation, options.input)
    await print(page.response)
    const next = page.metadata?.next_offset
    if (!options.json && next !== undefined && next !== null) {
      process.stderr.write(`More results: add --offset ${next}, or --all for every page.\n`)
    }

    return page.response
  }

  let fetched = 0
  for await (const page of callPages<Row>(client, options.operation, options.input)) {
    fetched += page.response.length
    options.progress?.(fetched, page.metadata?.total_objects)
    await print(page.response)
  }

  return undefined
}

/** "Fetched 3,000 of 10,000 users" on one refreshed stderr line, only when a person is watching. */
export function terminalProgress(noun: string): ((fetched: number, total: number | undefined) => void) | undefined {
  if (!process.stderr.isTTY) return undefined
  return (fetched, total) => {
    const of = total === undefined ? '' : ` of ${total.toLocaleString('en-US')}`
    process.stderr.write(`\rFetched ${fetched.toLocaleString('en-US')}${of} ${noun}${total !== undefined && fetched >= total ? '\n' : ''}`)
  }
}
