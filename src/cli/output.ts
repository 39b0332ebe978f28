// Rendering for people and for scripts. Tables are borderless (like gh and kubectl) so that pages
// streamed with --all line up as one table; colour only on a terminal and never with NO_COLOR.
import {once} from 'node:events'
import {createRequire} from 'node:module'

// Colour and CSV code load on first use only: `--json` runs never pay for them (start-up speed;
// chalk alone is ~20 ms). chalk is ESM, which require() loads on Node >= 20.19.
const require = createRequire(import.meta.url)
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
const utcMinutes = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ') + 'Z'

export function formatField(key: string, value: unknown): string {
  if (TIMESTAMPS.has(key) && typeof value === 'number') return utcMinutes(new Date(value * 1000))
  // The owner embedded in a credential or bypass code: shown by username (or an admin's name).
  if ((key === 'user' || key === 'admin') && value !== null && typeof value === 'object' && !Array.isArray(value)) return formatCell(labelOf(value))
  // A phone's last_seen is a zoneless "2024-03-04T15:04:04", which Duo means as UTC (unconfirmed): shown like the others.
  if (key === 'last_seen' && typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) return `${value.slice(0, 16).replace('T', ' ')}Z`
  return formatCell(value)
}

function labelOf(item: unknown): unknown {
  if (item === null || typeof item !== 'object') return item
  const o = item as Row
  // `||`, not `??`: Duo sends an unnamed phone's name as "", and then its number is what tells it apart.
  return o.name || o.username || o.number || o.serial || o.credential_name || o.device_name || Object.values(o)[0]
}

/**
 * Control characters in Duo data (a realname holding an escape sequence could clear the screen or
 * retitle the window) are shown, not obeyed, wherever text reaches a terminal: C0 and DEL in caret
 * notation (^[ for ESC), C1 as \u escapes, as gh does. --json, NDJSON and CSV keep the data exact.
 */
export function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    const code = c.charCodeAt(0)
    if (code < 0x20) return '^' + String.fromCharCode(code + 0x40)
    if (code === 0x7f) return '^?'
    return '\\u' + code.toString(16).padStart(4, '0')
  })
}

/** Messages for people that may quote Duo data or input: one escaped line per line. */
export function escapeMessage(text: string): string {
  return text.split('\n').map((line) => escapeControl(line)).join('\n')
}

const style = () => {
  const {Chalk, default: chalk} = loadChalk()
  return process.env.NO_COLOR || !process.stdout.isTTY ? new Chalk({level: 0}) : chalk
}

/**
 * Free text (names, e-mail, notes, models) may shrink to an ellipsis to fit a terminal. Every other
 * column (ids, usernames, numbers, statuses, dates) is never cut: a cut id reads as another id.
 */
const FREE_TEXT = new Set(['capabilities', 'credential_name', 'desc', 'device_name', 'email', 'firstname', 'host', 'lastname', 'model', 'name', 'notes', 'platform', 'realname'])

const GAP = 2
/** A free-text column is never narrower than this, or its header, when the terminal is narrow. */
const MIN_FREE = 8
const ELLIPSIS = '…'

const length = (text: string) => [...text].length
const fit = (text: string, width: number) => (length(text) <= width ? text : [...text].slice(0, Math.max(0, width - 1)).join('') + ELLIPSIS)

/**
 * A borderless table (like gh and kubectl) that streams: widths come from the first rows, so pages
 * printed with --all line up as one table. On a terminal the table fits its width: free-text columns
 * shrink and end in an ellipsis. Identifiers are never cut: one longer than its column widens the
 * column from that row on. Cells show control characters escaped.
 */
export class TablePrinter {
  private widths?: number[]
  private readonly whole: boolean[]

  /** `maxWidth`: the terminal's columns by default; unlimited (nothing cut) into a pipe or file. */
  constructor(
    private readonly columns: readonly string[],
    private readonly maxWidth: number = process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : Number.POSITIVE_INFINITY,
  ) {
    this.whole = columns.map((c) => !FREE_TEXT.has(c))
  }

  /** The text for these rows; the first call includes the header. */
  render(rows: readonly Row[]): string {
    const header = !this.widths
    const cells = rows.map((row) => this.columns.map((c) => escapeControl(formatField(c, row[c]))))
    const widths = (this.widths ??= this.firstWidths(cells))
    const lines: string[] = []
    if (header) lines.push(this.line(this.columns.map((c) => c.toUpperCase()), (text) => style().bold(text)))
    for (const row of cells) {
      row.forEach((cell, i) => {
        if (length(cell) <= widths[i]) return
        // Free text may grow into room the terminal still has; a column kept whole always grows.
        widths[i] = this.whole[i] ? length(cell) : Math.max(widths[i], Math.min(length(cell), widths[i] + this.room()))
      })
      lines.push(this.line(row))
    }

    return lines.join('\n')
  }

  private line(cells: readonly string[], decorate: (text: string) => string = (text) => text): string {
    const widths = this.widths!
    return cells
      .map((cell, i) => {
        const shown = this.whole[i] ? cell : fit(cell, widths[i])
        return decorate(shown) + ' '.repeat(Math.max(0, widths[i] - length(shown)))
      })
      .join(' '.repeat(GAP))
      .trimEnd()
  }

  private room(): number {
    const used = this.widths!.reduce((sum, w) => sum + w, 0) + GAP * (this.widths!.length - 1)
    return Math.max(0, this.maxWidth - used)
  }

  /** Each column as wide as its widest cell, then free text shrunk (widest first) to fit the terminal. */
  private firstWidths(cells: readonly string[][]): number[] {
    const widths = this.columns.map((c, i) => Math.max(c.length, ...cells.map((r) => length(r[i]))))
    const floor = this.columns.map((c, i) => (this.whole[i] ? widths[i] : Math.min(widths[i], Math.max(c.length, MIN_FREE))))
    let excess = widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1) - this.maxWidth
    while (excess > 0) {
      let widest = -1
      widths.forEach((w, i) => {
        if (w > floor[i] && (widest < 0 || w > widths[widest])) widest = i
      })
      if (widest < 0) break
      widths[widest]--
      excess--
    }

    return widths
  }
}

export function renderTable(rows: readonly Row[], columns: readonly string[]): string {
  return new TablePrinter(columns).render(rows)
}

/** One object as aligned "key  value" lines, control characters escaped. */
export function renderRecord(record: Row, keys: readonly string[] = Object.keys(record)): string {
  const width = Math.max(0, ...keys.map((k) => k.length))
  return keys.map((k) => `${style().bold(k.padEnd(width))}  ${escapeControl(formatField(k, record[k]))}`).join('\n')
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

/** Streams items as one JSON array, without holding them all in memory. */
export async function writeJsonArray(items: AsyncIterable<unknown>): Promise<void> {
  let first = true
  for await (const item of items) {
    if (!process.stdout.write((first ? '[\n  ' : ',\n  ') + JSON.stringify(item))) await once(process.stdout, 'drain')
    first = false
  }

  process.stdout.write(first ? '[]\n' : '\n]\n')
}
