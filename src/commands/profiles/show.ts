import {Args} from '@oclif/core'

import {DuoCommand} from '../../cli/duo-command.js'
import {ConfigError} from '../../core/errors.js'
import {renderRecord} from '../../cli/output.js'
import {type ProfileView, viewProfile} from '../../cli/profile-setup.js'

export default class ProfilesShow extends DuoCommand<typeof ProfilesShow> {
  static override args = {
    name: Args.string({description: 'Profile name (default: the default profile)'}),
  }

  static override examples = ['<%= config.bin %> <%= command.id %> prod']
  static override summary = 'Show one profile, with the secret key hidden'

  async run(): Promise<ProfileView> {
    const name = this.args.name ?? this.profiles.defaultName()
    if (!name) throw new ConfigError('There is no default profile.', 'Add one with `duo profiles add`.')
    const view = viewProfile(this.profiles, name)
    this.show(() => renderRecord({...view}))
    return view
  }
}
