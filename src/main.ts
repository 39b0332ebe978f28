// The CLI's entry, bundled with oclif itself (scripts/bundle.js) so that bin/run.js loads one file
// for the framework instead of oclif's ~200.
import './skip-oclif-engine-check.js'
import {execute} from '@oclif/core'

import {endQuietlyWhenStdoutCloses} from './cli/closed-stdout.js'

/** Runs the command in process.argv; `dir` is any file or URL inside the package. */
export async function main(dir: string): Promise<void> {
  endQuietlyWhenStdoutCloses()
  await execute({dir})
}
