import {ApiCommand} from '../../cli/api-command.js'
import {guidedSession} from '../../cli/guided-session.js'
import {UsageError} from '../../core/errors.js'

export default class Case extends ApiCommand<typeof Case> {
  static override description = `Asks who is calling (type to search by username, name or e-mail), then shows one screen about them: status, enrollment, groups, phones, tokens, security keys, bypass codes and their last authentications. Below it, the actions that fit: unlock, verify the caller, bypass codes, groups, the enrollment e-mail, offboard. Each shows its plan, asks, runs and returns to the refreshed screen. Esc goes back; Ctrl-C leaves.

\`duo\` alone on a terminal starts it too. The same stories run without a menu as \`duo case offboard|unlock|verify|new-hire …\`.`

  static override examples = ['<%= config.bin %>', '<%= config.bin %> <%= command.id %> --sandbox']
  static override summary = 'Guide a helpdesk call: pick the caller, see their state, act'

  async run(): Promise<void> {
    if (!this.prompt.interactive) {
      throw new UsageError('The guided session needs a terminal.', 'Run one story directly instead, e.g. duo case offboard USER --yes (see duo case --help).')
    }

    await guidedSession({client: await this.client(), configDir: this.config.configDir, write: (text) => process.stderr.write(text)})
  }
}
