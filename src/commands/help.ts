// `duo help [COMMAND]` is @oclif/plugin-help's own command, served as one of ours rather than as a
// plugin (as `duo autocomplete` serves its plugin): a plugin is found, read and loaded on every
// command's start-up (its package.json and manifest), a command only when it runs.
import {commands} from '@oclif/plugin-help'

export default class Help extends commands.help {
  static override summary = 'Show help for duo or one of its commands'
}
