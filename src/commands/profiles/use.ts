import {Args} from '@oclif/core'

import {DuoCommand} from '../../cli/duo-command.js'
import {type ProfileView, viewProfile} from '../../cli/profile-setup.js'

export default class ProfilesUse extends DuoCommand<typeof ProfilesUse> {
  static override args = {
    name: Args.string({description: 'Profile name', required: true}),
  }

  static override examples = ['<%= config.bin %> <%= command.id %> prod']
  static override summary = 'Make a profile the default'

  async run(): Promise<ProfileView> {
    this.profiles.use(this.args.name)
    this.note(`"${this.args.name}" is now the default profile.`)
    return viewProfile(this.profiles, this.args.name)
  }
}
