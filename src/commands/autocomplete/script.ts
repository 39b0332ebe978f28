import {runCompletionCommand, shellArg} from '../../cli/completion.js'
import {DuoCommand} from '../../cli/duo-command.js'

export default class AutocompleteScript extends DuoCommand<typeof AutocompleteScript> {
  // The plugin's output is text for a shell or a person; it has no JSON form.
  static override enableJsonFlag = false
  static override args = {shell: shellArg}
  static override description = 'The line `duo autocomplete` tells you to add to your shell\'s start-up file; it loads the completion cache.'
  static override examples = ['printf "$(<%= config.bin %> <%= command.id %> bash)" >> ~/.bashrc']
  static override summary = 'Print the shell line that loads completion'

  async run(): Promise<unknown> {
    return runCompletionCommand('script', this.argv, this.config)
  }
}
