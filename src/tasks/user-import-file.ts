// Reading and checking the file of `duo users import`: CSV with a header row, or a JSON array of
// objects. Every row is checked before anything is sent, and rows are streamed (CSV) so a file of
// 100,000 users is read twice without ever being held whole.
import {parse} from 'csv-parse'
import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {open, readFile} from 'node:fs/promises'

import {UsageError} from '../core/errors.js'
import {getOperation} from '../core/catalog/index.js'
import {checkParams, describeProblems} from '../core/params.js'
import {type WeakeningCounts, noWeakening, weakeningStatus} from '../core/weakening.js'

/** What one bulk_create row may carry (Duo Admin API docs, "Users"). */
export const IMPORT_FIELDS: readonly string[] = ['username', 'realname', 'email', 'firstname', 'lastname', 'status', 'notes']

/** How many bad rows one error lists; the rest are counted. */
const MAX_LISTED = 50

export type ImportFormat = 'csv' | 'json'

export interface ImportFile {
  path: string
  format: ImportFormat
  /** Rows that will be sent (the CSV header is not one). */
  rows: number
  sha256: string
  /** How many rows create a user with status bypass or disabled (confirmed before the first write). */
  weakening: WeakeningCounts
}

/** A row as checked: what bulk_create gets for it, or why it cannot be sent. */
export interface CheckedRow {
  /** CSV: the line the row starts on (the header is line 1); JSON: the item's array index. */
  at: number
  user: Record<string, string>
  problems: string[]
}

interface RawRow {
  at: number
  fields: Record<string, unknown>
  /** What makes the row unreadable as a whole (a wrong number of cells, not an object). */
  problem?: string
}

export function rowLabel(format: ImportFormat, at: number): string {
  return format === 'csv' ? `line ${at}` : `item [${at}]`
}

/**
 * Checks every row: unknown columns, a missing username, values Duo would refuse (such as a bad
 * status), and usernames the file repeats. Throws one UsageError naming every bad row.
 */
export async function checkImportFile(path: string): Promise<ImportFile> {
  const format = await detectFormat(path)
  const listed: string[] = []
  let bad = 0
  let rows = 0
  const weakening = noWeakening()
  for await (const row of checkRows(path, format)) {
    rows++
    const status = weakeningStatus('createuser', row.user)
    if (status) weakening[status]++
    if (row.problems.length === 0) continue
    bad++
    if (listed.length < MAX_LISTED) listed.push(`  ${rowLabel(format, row.at)}: ${row.problems.join('; ')}`)
  }

  if (bad > 0) {
    const more = bad > listed.length ? [`  … and ${bad - listed.length} more`] : []
    throw new UsageError(
      [`${path}: ${bad} bad ${bad === 1 ? 'row' : 'rows'}; nothing was sent.`, ...listed, ...more].join('\n'),
      `Fix them and run the import again. Columns: ${IMPORT_FIELDS.join(', ')} (username required).`,
    )
  }

  if (rows === 0) throw new UsageError(`${path} has no users to import.`)
  return {format, path, rows, sha256: await hashFile(path), weakening}
}

/** Each row with its problems; a username's first appearance is remembered to catch repeats. */
export async function* checkRows(path: string, format: ImportFormat): AsyncGenerator<CheckedRow> {
  const createuser = getOperation('createuser')
  const seen = new Map<string, number>()
  for await (const row of format === 'csv' ? csvRows(path) : jsonRows(path)) {
    if (row.problem) {
      yield {at: row.at, problems: [row.problem], user: {}}
      continue
    }

    const fields = Object.fromEntries(Object.entries(row.fields).filter(([, v]) => v !== null && v !== ''))
    const unknown = Object.keys(fields).filter((key) => !IMPORT_FIELDS.includes(key))
    const problems = unknown.length > 0 ? [`unknown ${unknown.length === 1 ? 'key' : 'keys'} ${unknown.join(', ')}`] : []
    const {params, problems: invalid} = checkParams(createuser, Object.fromEntries(Object.entries(fields).filter(([key]) => IMPORT_FIELDS.includes(key))))
    if (invalid.length > 0) problems.push(describeProblems(invalid))
    const username = typeof params.username === 'string' ? params.username.toLowerCase() : undefined
    if (username !== undefined) {
      // Case-insensitively, as Duo matches usernames.
      const first = seen.get(username)
      if (first === undefined) seen.set(username, row.at)
      else problems.push(`username "${params.username}" is already on ${rowLabel(format, first)}`)
    }

    yield {at: row.at, problems, user: params as Record<string, string>}
  }
}

async function detectFormat(path: string): Promise<ImportFormat> {
  let start: string
  try {
    const handle = await open(path)
    try {
      const {buffer, bytesRead} = await handle.read({buffer: Buffer.alloc(256)})
      start = buffer.subarray(0, bytesRead).toString('utf8')
    } finally {
      await handle.close()
    }
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${(error as Error).message}`)
  }

  // JSON starts with "[" (or "{", a mistake worth its own message); a CSV header cannot.
  return /^[[{]/.test(start.replace(/^\uFEFF/, '').trimStart()) ? 'json' : 'csv'
}

async function* csvRows(path: string): AsyncGenerator<RawRow> {
  const parser = createReadStream(path).pipe(parse({bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true}))
  let columns: string[] | undefined
  try {
    for await (const {info, record} of parser as AsyncIterable<{info: {lines: number}; record: string[]}>) {
      // info.lines is the line the record ends on; a quoted cell may span lines.
      const at = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0)
      if (!columns) {
        columns = record.map((name) => name.toLowerCase())
        const unknown = columns.filter((name) => !IMPORT_FIELDS.includes(name))
        if (unknown.length > 0) {
          yield {at, fields: {}, problem: `unknown ${unknown.length === 1 ? 'column' : 'columns'} ${unknown.map((c) => `"${c}"`).join(', ')} (expected: ${IMPORT_FIELDS.join(', ')})`}
        }

        continue
      }

      if (record.length !== columns.length) {
        yield {at, fields: {}, problem: `has ${record.length} ${record.length === 1 ? 'cell' : 'cells'}, the header has ${columns.length}`}
        continue
      }

      // Unknown columns were reported once, on the header.
      yield {at, fields: Object.fromEntries(columns.map((name, i) => [name, record[i]]).filter(([name]) => IMPORT_FIELDS.includes(name)))}
    }
  } catch (error) {
    const csv = error as {code?: string; lines?: number; message: string}
    if (csv.code?.startsWith('CSV_')) {
      // csv-parse's message repeats the line; the file and line lead, as in every other row problem.
      const reason = escapeControls(csv.message.replace(/\s*(at|on) line \d+/, '').replace(/[.:]\s*$/, ''))
      throw new UsageError(`${path}: ${csv.lines === undefined ? '' : `line ${csv.lines}: `}not valid CSV (${reason}); nothing was sent.`, 'Check the quoting on that line: a quote inside a quoted cell is written twice ("").')
    }

    throw error
  }
}

async function* jsonRows(path: string): AsyncGenerator<RawRow> {
  let items: unknown
  try {
    items = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`)
  }

  if (!Array.isArray(items)) throw new UsageError(`${path} must hold a JSON array of user objects.`)
  for (const [at, item] of items.entries()) {
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) yield {at, fields: item as Record<string, unknown>}
    else yield {at, fields: {}, problem: 'must be an object with at least a username'}
  }
}

/** The parser quotes the bytes it choked on: shown as \uXXXX, never raw, in a one-line message. */
function escapeControls(text: string): string {
  return [...text].map((c) => (c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)).join('')
}

function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject)
  })
}
