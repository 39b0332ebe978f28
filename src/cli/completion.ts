// Shell completion is @oclif/plugin-autocomplete's (bash, zsh, PowerShell). Its commands are run
// through `duo autocomplete` and `duo autocomplete script` here instead of listing the plugin in
// package.json: oclif reads every listed plugin's files before any command runs, and completion is
// set up once while `duo users get` runs dozens of times an hour. The plugin loads only when used.
import {Args, type Config} from '@oclif/core'

import {ConfigError} from '../core/errors.js'

/** 3.x: the line for oclif 4 and Node 20 (4.x needs Node 22 and oclif 5). */
const PLUGIN = '@oclif/plugin-autocomplete'

interface PluginCommand {
  run(argv: string[], config: Config): Promise<unknown>
}

export const shellArg = Args.string({description: 'The shell (default: the one running duo)', options: ['bash', 'zsh', 'powershell']})

/** Runs one of the plugin's commands (`index`, `script`) with this CLI's configuration. */
export async function runCompletionCommand(name: 'index' | 'script', argv: string[], config: Config): Promise<unknown> {
  let entry: string
  try {
    entry = import.meta.resolve(PLUGIN)
  } catch {
    throw new ConfigError(`Shell completion needs ${PLUGIN}, which is not installed.`, `Install duo's dependencies again (npm install), or npm install ${PLUGIN}@^3.`)
  }

  // The package exports only its (empty) index: its commands are found beside it, as oclif finds them.
  const command = ((await import(new URL(`commands/autocomplete/${name}.js`, entry).href)) as {default: PluginCommand}).default
  return command.run(argv, config)
}
