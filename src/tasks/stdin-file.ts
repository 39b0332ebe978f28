// `duo users import -` and `duo bulk -`: the input comes on stdin, but both tasks read a file (the
// import reads it twice: checked whole, then sent). So stdin is written to a file in the config folder,
// named by its SHA-256: the same input piped again (an import run again with --resume) finds the same
// path, and so the same resume journal beside it. The copy is private (0600 in a 0700 folder) and is
// removed when the command ends; the journal stays only while an import is unfinished.
import {createHash} from 'node:crypto'
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {UsageError} from '../core/errors.js'

export interface SpooledInput {
  path: string
  remove(): void
}

/** Reads all of `input` into `<configDir>/stdin/<sha256>`. */
export async function spoolInput(input: NodeJS.ReadableStream & {isTTY?: boolean}, configDir: string): Promise<SpooledInput> {
  if (input.isTTY) throw new UsageError('"-" reads the file from standard input, which is a terminal here.', 'Pipe the file in, e.g. `cat users.csv | duo users import -`.')
  const chunks: Buffer[] = []
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
  const data = Buffer.concat(chunks)
  if (data.length === 0) throw new UsageError('Standard input was empty.', 'Pipe the file in, e.g. `cat users.csv | duo users import -`.')
  const dir = join(configDir, 'stdin')
  mkdirSync(dir, {mode: 0o700, recursive: true})
  const path = join(dir, createHash('sha256').update(data).digest('hex'))
  writeFileSync(path, data, {mode: 0o600})
  return {path, remove: () => rmSync(path, {force: true})}
}
