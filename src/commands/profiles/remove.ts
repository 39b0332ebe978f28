import {Args, Flags} from '@oclif/core'

import {DuoCommand} from '../../cli/duo-command.js'
import {confirmOrAbort} from '../../cli/prompts.js'

export default class ProfilesRemove extends DuoCommand<typeof ProfilesRemove> {
  static override args = {
    name: Args.string({description: 'Profile name', required: true}),
  }

  static override examples = ['<%= config.bin %> <%= command.id %> old --yes']
  static override flags = {
    yes: Flags.boolean({char: 'y', description: 'Do not ask for confirmation'}),
  }

  static override summary = 'Delete a saved profile and its secret key'

  async run(): Promise<{removed: string}> {
    this.profiles.get(this.args.name)
    await confirmOrAbort(this.prompt, `Delete the profile "${this.args.name}" and its secret key?`, this.flags.yes)
    this.profiles.remove(this.args.name)
    this.note(`Removed profile "${this.args.name}".`)
    return {removed: this.args.name}
  }
}
