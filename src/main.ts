// The CLI's entry, bundled with oclif itself (scripts/bundle.js) so that bin/run.js loads one file
// for the framework instead of oclif's ~200.
import './skip-oclif-engine-check.js'
import {execute} from '@oclif/core'

import {endQuietlyWhenStdoutCloses} from './cli/closed-stdout.js'

/**
 * Runs the command in process.argv; `dir` is any file or URL inside the package. `duo` alone on a
 * terminal is the guided helpdesk session (`duo case`); without a terminal it prints help, as oclif
 * does for no arguments.
 */
export async function main(dir: string): Promise<void> {
  endQuietlyWhenStdoutCloses()
  const argv = process.argv.slice(2)
  const guided = argv.length === 0 && process.stdin.isTTY && process.stderr.isTTY
  await execute({args: guided ? ['case'] : argv, dir})
}
