// `duo users lst`: instead of oclif's "command users:lst not found", say what was typed the way it
// was typed, suggest the closest command or topic, and exit with the usage code (2). oclif's
// plugin-not-found offers to run its guess (yes by default) and exits 127; a guess is only shown here.
import {Errors, type Hook} from '@oclif/core'

import {ExitCode} from '../core/errors.js'
import {escapeMessage} from '../cli/output.js'

const hook: Hook.CommandNotFound = async function (options) {
  const typed = options.id.replaceAll(':', ' ')
  const bin = options.config.bin
  const known = [...options.config.commandIDs, ...options.config.topics.map((t) => t.name)].map((id) => id.replaceAll(':', ' '))
  const guess = closest(typed, [...new Set(known)])
  const topic = typed.split(' ').slice(0, -1).join(' ')
  const help = known.includes(topic) ? `${bin} ${topic} --help` : `${bin} --help`
  const message = `Unknown command "${bin} ${typed}".`
  const hint = guess ? `Did you mean \`${bin} ${guess}\`? See \`${help}\`.` : `See \`${help}\` for the commands.`
  if (options.argv?.includes('--json')) {
    process.stderr.write(JSON.stringify({error: {exitCode: ExitCode.usage, hint, message, name: 'UsageError'}}) + '\n')
  } else {
    process.stderr.write(`Error: ${escapeMessage(message)}\nHint: ${escapeMessage(hint)}\n`)
  }

  throw new Errors.ExitError(ExitCode.usage)
}

export default hook

/** The known id nearest to what was typed, if it is near enough to be what was meant. */
function closest(typed: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of known) {
    const d = editDistance(typed, candidate)
    if (d < bestDistance) [best, bestDistance] = [candidate, d]
  }

  return bestDistance <= Math.max(2, Math.floor(typed.length / 4)) ? best : undefined
}

/** Levenshtein distance (insertions, deletions, substitutions), one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = row
  }

  return previous[b.length]
}
