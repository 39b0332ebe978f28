import {DuoCommand} from '../../cli/duo-command.js'
import {renderTable} from '../../cli/output.js'
import {type ProfileView, viewProfile} from '../../cli/profile-setup.js'

export default class ProfilesList extends DuoCommand<typeof ProfilesList> {
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json']
  static override summary = 'List saved profiles (the secret keys are never shown)'

  async run(): Promise<ProfileView[]> {
    const views = this.profiles.names().map((name) => viewProfile(this.profiles, name))
    if (views.length === 0) this.note('No profiles yet. Add one with `duo profiles add`.')
    else this.show(() => renderTable(views.map((v) => ({...v, default: v.default ? '*' : ''})), ['name', 'default', 'host', 'ikey']))
    return views
  }
}
