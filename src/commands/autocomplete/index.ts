import {Flags} from '@oclif/core'

import {runCompletionCommand, shellArg} from '../../cli/completion.js'
import {DuoCommand} from '../../cli/duo-command.js'

export default class Autocomplete extends DuoCommand<typeof Autocomplete> {
  // The plugin's output is text for a shell or a person; it has no JSON form.
  static override enableJsonFlag = false
  static override args = {shell: shellArg}
  static override description =
    'Builds the completion cache (commands, flags and topics of this version) and prints how to load it in your shell: for bash, `printf "$(duo autocomplete script bash)" >> ~/.bashrc`. Run again with --refresh-cache after upgrading duo.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> bash',
    '<%= config.bin %> <%= command.id %> zsh',
    '<%= config.bin %> <%= command.id %> powershell',
    '<%= config.bin %> <%= command.id %> --refresh-cache',
  ]

  static override flags = {
    'refresh-cache': Flags.boolean({char: 'r', description: 'Rebuild the cache only (no instructions)'}),
  }

  static override summary = 'Set up TAB completion for bash, zsh or PowerShell'

  async run(): Promise<unknown> {
    return runCompletionCommand('index', this.argv, this.config)
  }
}
