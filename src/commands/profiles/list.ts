import {DuoCommand} from '../../cli/duo-command.js'
import {renderTable} from '../../cli/output.js'
import {type ProfileView, viewProfile} from '../../cli/profile-setup.js'

export default class ProfilesList extends DuoCommand<typeof ProfilesList> {
  static override examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> <%= command.id %> --json']
  static override summary = 'List saved profiles (the secret keys are never shown)'

  async run(): Promise<ProfileView[]> {
    const views = this.profiles.names().map((name) => viewProfile(this.profiles, name))
    if (views.length === 0) this.note('No profiles yet. Add one with `duo profiles add`.')
    else {
      // The account column only once some profile acts on a child account (an MSP's).
      const columns = ['name', 'default', 'host', 'ikey', ...(views.some((v) => v.account) ? ['account'] : [])]
      this.show(() => renderTable(views.map((v) => ({...v, default: v.default ? '*' : ''})), columns))
    }

    return views
  }
}
