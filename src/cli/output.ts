// Rendering for people and for scripts. Tables are borderless (like gh and kubectl) so that pages
// streamed with --all line up as one table; colour only on a terminal and never with NO_COLOR.
import {once} from 'node:events'
import {createRequire} from 'node:module'

// Colour, table and CSV code load on first use only: `--json` runs never pay for them (start-up
// speed; chalk alone is ~20 ms). chalk is ESM, which require() loads on Node >= 20.19.
const require = createRequire(import.meta.url)
const loadTable = () => require('cli-table3') as typeof import('cli-table3')
const loadCsv = () => require('csv-stringify/sync') as typeof import('csv-stringify/sync')
const loadChalk = () => require('chalk') as typeof import('chalk')

export type Row = Record<string, unknown>

/** One cell: lists of objects show their most telling field, nulls show as empty. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map((item) => formatCell(labelOf(item))).join(', ')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** Duo's Unix-seconds fields, shown to people as UTC dates (JSON keeps Duo's numbers). */
const TIMESTAMPS = new Set(['created', 'date_added', 'date_last_used', 'expiration', 'last_directory_sync', 'last_login'])

export function formatField(key: string, value: unknown): string {
  if (TIMESTAMPS.has(key) && typeof value === 'number') return new Date(value * 1000).toISOString().slice(0, 16).replace('T', ' ') + 'Z'
  // The owner embedded in a credential or bypass code: shown by username (or an admin's name).
  if ((key === 'user' || key === 'admin') && value !== null && typeof value === 'object' && !Array.isArray(value)) return formatCell(labelOf(value))
  // A phone's last_seen is a zoneless "2024-03-04T15:04:04", which Duo means as UTC (unconfirmed): shown like the others.
  if (key === 'last_seen' && typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) return `${value.slice(0, 16).replace('T', ' ')}Z`
  return formatCell(value)
}

function labelOf(item: unknown): unknown {
  if (item === null || typeof item !== 'object') return item
  const o = item as Row
  return o.name ?? o.username ?? o.number ?? o.serial ?? o.credential_name ?? o.device_name ?? Object.values(o)[0]
}

const style = () => {
  const {Chalk, default: chalk} = loadChalk()
  return process.env.NO_COLOR || !process.stdout.isTTY ? new Chalk({level: 0}) : chalk
}

const borderless = {
  bottom: '', 'bottom-left': '', 'bottom-mid': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '',
  middle: '  ', right: '', 'right-mid': '', top: '', 'top-left': '', 'top-mid': '', 'top-right': '',
}

/** A table printer that fixes its column widths from the first rows it sees, so pages can stream. */
export class TablePrinter {
  private widths?: number[]

  constructor(private readonly columns: readonly string[]) {}

  /** The text for these rows; the first call includes the header. */
  render(rows: readonly Row[]): string {
    const header = !this.widths
    const cells = rows.map((row) => this.columns.map((c) => formatField(c, row[c])))
    this.widths ??= this.columns.map((c, i) => Math.min(48, Math.max(c.length, ...cells.map((r) => r[i].length))) + 2)
    const Table = loadTable()
    const table = new Table({
      chars: borderless,
      colWidths: this.widths,
      style: {border: [], compact: true, head: [], 'padding-left': 0, 'padding-right': 0},
      wordWrap: false,
    })
    if (header) table.push(this.columns.map((c) => style().bold(c.toUpperCase())))
    table.push(...cells)
    return rows.length === 0 && !header ? '' : table.toString().split('\n').map((line) => line.trimEnd()).join('\n')
  }
}

export function renderTable(rows: readonly Row[], columns: readonly string[]): string {
  return new TablePrinter(columns).render(rows)
}

/** One object as aligned "key  value" lines. */
export function renderRecord(record: Row, keys: readonly string[] = Object.keys(record)): string {
  const width = Math.max(0, ...keys.map((k) => k.length))
  return keys.map((k) => `${style().bold(k.padEnd(width))}  ${formatField(k, record[k])}`).join('\n')
}

/** CSV rows (RFC 4180 quoting by csv-stringify); the header only when asked. */
export function renderCsv(rows: readonly Row[], columns: readonly string[], header: boolean): string {
  return loadCsv().stringify(rows.map((row) => columns.map((c) => formatField(c, row[c]))), {
    columns: header ? [...columns] : undefined,
    header,
  }).trimEnd()
}

/** One JSON value on one line of stdout. */
export function writeJsonLine(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n')
}

/**
 * Streams values as NDJSON for --json --all. Waits for stdout to drain when the reader is slower
 * than Duo, so a 100,000-user list never piles up in memory (stdout to a pipe is asynchronous).
 */
export async function writeJsonLines(values: readonly unknown[]): Promise<void> {
  if (values.length === 0) return
  if (!process.stdout.write(values.map((v) => JSON.stringify(v)).join('\n') + '\n')) await once(process.stdout, 'drain')
}

/** Columns named with --columns, checked against what the rows can have. */
export function pickColumns(requested: string | undefined, defaults: readonly string[]): string[] {
  if (!requested) return [...defaults]
  return requested.split(',').map((c) => c.trim()).filter(Boolean)
}

/** Streams items as one JSON array, without holding them all in memory. */
export async function writeJsonArray(items: AsyncIterable<unknown>): Promise<void> {
  let first = true
  for await (const item of items) {
    if (!process.stdout.write((first ? '[\n  ' : ',\n  ') + JSON.stringify(item))) await once(process.stdout, 'drain')
    first = false
  }

  process.stdout.write(first ? '[]\n' : '\n]\n')
}
