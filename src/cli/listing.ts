// Printing a list command's result: one page or every page (--all), as a table, CSV or JSON.
// --all streams page by page (NDJSON under --json), so even 100,000 users are never all in memory.
import type {DuoClient} from '../transport/client.js'
import {call, callPages} from '../core/call.js'
import type {OperationName} from '../core/catalog/index.js'
import {type Row, TablePrinter, renderCsv, writeJsonLines} from './output.js'
import {checkFields, parseSelection, pickFields} from './selection.js'

export interface ListOptions {
  operation: OperationName
  /** The operation's input; a user or group may be given by name. */
  input: Record<string, unknown>
  all: boolean
  json: boolean
  csv: boolean
  /** --fields (or --columns): the fields to print, in every output form. */
  fields?: string
  /** --query: a JMESPath expression over the JSON (--json only). */
  query?: string
  /** A filter Duo does not offer, applied to each record as it arrives. */
  keep?: (row: Row) => boolean
  defaultColumns: readonly string[]
  /** Where human text goes (the command's this.log). */
  log: (text: string) => void
  /** Progress for people (stderr, terminal only). */
  progress?: Progress
  /** Says that more pages exist; by default on stderr at once (after a table, which is printed already). */
  more?: (message: string) => void
}

export interface Progress {
  update(fetched: number, total: number | undefined): void
  /** Removes the line, so that data printed next starts on a clean line. */
  clear(): void
}

/** Returns the page for --json (undefined with --all, which has streamed everything already). */
export async function printList(client: DuoClient, options: ListOptions): Promise<unknown> {
  const {fields, query} = await parseSelection(options, options.json)
  const columns = fields ?? options.defaultColumns
  const table = new TablePrinter(columns)
  let checked = fields === undefined
  let csvHeader = true
  const select = (items: Row[]): Row[] => {
    if (!checked && items.length > 0) {
      checkFields(fields!, items)
      checked = true
    }

    const kept = options.keep ? items.filter(options.keep) : items
    return fields ? kept.map((item) => pickFields(item, fields)) : kept
  }

  const print = async (items: Row[]) => {
    options.progress?.clear()
    if (options.json) {
      if (options.all) await writeJsonLines(query ? items.map(query) : items)
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
    const items = select(page.response)
    await print(items)
    const next = page.metadata?.next_offset
    if (next !== undefined && next !== null) {
      const message = `More results: add --offset ${next}, or --all for every page.`
      if (options.more) options.more(message)
      else process.stderr.write(message + '\n')
    }

    return query ? query(items) : items
  }

  let fetched = 0
  for await (const page of callPages<Row>(client, options.operation, options.input)) {
    fetched += page.response.length
    const items = select(page.response)
    await print(items)
    options.progress?.update(fetched, page.metadata?.total_objects)
  }

  options.progress?.clear()
  return undefined
}

/** "Fetched 3,000 of 10,000 users" on one refreshed stderr line, only when a person is watching. */
export function terminalProgress(noun: string): Progress | undefined {
  if (!process.stderr.isTTY) return undefined
  let shown = false
  return {
    clear() {
      if (shown) process.stderr.write('\r\u001b[2K')
      shown = false
    },
    update(fetched, total) {
      const of = total === undefined ? '' : ` of ${total.toLocaleString('en-US')}`
      process.stderr.write(`\r\u001b[2KFetched ${fetched.toLocaleString('en-US')}${of} ${noun}`)
      shown = true
    },
  }
}
