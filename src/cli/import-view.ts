// How `duo users import` shows itself to a person: the planned batches of --dry-run, and a progress
// bar while it runs (stderr, only on a terminal).
import cliProgress from 'cli-progress'

import {type ImportProgress, type PlannedTotals, plannedBatches} from '../tasks/user-import.js'
import {TablePrinter, writeJsonArray} from './output.js'

/** --dry-run: checks every row, then prints the batches (a table, or JSON streamed batch by batch); sends nothing. */
export async function printPlannedBatches(path: string, output: {json: boolean; log: (text: string) => void}): Promise<PlannedTotals> {
  const {batches, totals} = await plannedBatches(path)
  if (output.json) {
    await writeJsonArray(batches)
    return totals
  }

  const table = new TablePrinter(['batch', 'rows', 'users', 'first', 'last'])
  for await (const b of batches) {
    const row = {batch: b.batch, first: b.users[0].username, last: b.users.at(-1)!.username, rows: `${b.firstRow}-${b.lastRow}`, users: b.users.length}
    output.log(table.render([row]))
  }

  return totals
}

/** A progress bar on stderr, only when a person is watching it. */
export function terminalImportProgress(): ImportProgress | undefined {
  if (!process.stderr.isTTY) return undefined
  const bar = new cliProgress.SingleBar(
    {format: 'Importing [{bar}] {value}/{total} users | {eta_formatted} left', hideCursor: true, stream: process.stderr},
    cliProgress.Presets.shades_classic,
  )
  return {advance: (rows) => bar.increment(rows), start: (rows) => bar.start(rows, 0), stop: () => bar.stop()}
}
