import {Flags} from '@oclif/core'
import {PERMISSIONS} from '../../core/catalog/index.js'

import {DuoCommand} from '../../cli/duo-command.js'
import {renderRecord, writeJsonLine} from '../../cli/output.js'
import {confirmOrAbort} from '../../cli/prompts.js'
import {announce, announcedAccounts, describeAccounts, sandboxOptions, saveSandboxProfile, untilSignal} from '../../cli/sandbox-launch.js'

export default class SandboxStart extends DuoCommand<typeof SandboxStart> {
  static override description =
    'Serves a local emulator of the Duo Admin API on 127.0.0.1: it checks signatures as Duo does, keeps state, pages, and answers Duo\'s envelopes and error codes. Runs until Ctrl-C (SIGINT) or SIGTERM. Its integration is also granted the Accounts API: it is an MSP parent of two child accounts, each served on a port of its own (see `duo accounts list`). With --json, prints one line {url, host, ikey, skey, accounts} on stdout.'

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --users 10000 --rate-limit 50/1s --save-profile sandbox',
    '<%= config.bin %> <%= command.id %> --clock-offset 10m --deny write',
    '<%= config.bin %> <%= command.id %> --auth-rate 30/1m --log-lag 0s',
  ]

  static override flags = {
    'auth-events': Flags.integer({description: 'Generated authentication log history over the last 30 days (default 1500), e.g. 1000000 for benchmarks', min: 0}),
    'auth-rate': Flags.string({description: 'Generate live authentication events: N per window, e.g. 30/1m (to watch duo logs auth --follow)'}),
    'log-lag': Flags.string({description: 'How long new authentication events are held back, as Duo does (default 2m; 0s for tests)'}),
    'clock-offset': Flags.string({description: 'Run the sandbox clock this far off, e.g. 10m or -90s (to see clock-skew errors)'}),
    deny: Flags.string({description: 'Withhold a permission from the integration (40301 for calls needing it)', multiple: true, options: Object.keys(PERMISSIONS)}),
    'fail-rate': Flags.string({description: 'Share of requests answered with HTTP 500, 0 to 1'}),
    latency: Flags.string({description: 'Delay added to every answer, e.g. 200ms'}),
    port: Flags.integer({default: 8090, description: 'Port on 127.0.0.1 (0: any free port)', max: 65_535, min: 0}),
    'rate-limit': Flags.string({description: 'N requests per window, then 429/42901: N or N/WINDOW, e.g. 50/1m'}),
    'save-profile': Flags.string({description: 'Save the sandbox keys as this profile without asking'}),
    state: Flags.string({description: 'Keep state (and the keys) in this JSON file across restarts'}),
    users: Flags.integer({description: 'Seed this many generated users (default: a small demo set)', min: 0}),
  }

  static override summary = 'Run a local Duo Admin API emulator (no Duo account needed)'

  async run(): Promise<void> {
    const {startSandbox} = await import('../../sandbox/server.js')
    const failRate = this.flags['fail-rate'] === undefined ? undefined : Number(this.flags['fail-rate'])
    const sandbox = await startSandbox(sandboxOptions({...this.flags, 'fail-rate': failRate}))
    const info = announce(sandbox)
    const accounts = announcedAccounts(sandbox)
    if (this.jsonEnabled()) writeJsonLine({...info, accounts})
    else this.show(() => renderRecord({...info}))
    this.note(describeAccounts(accounts))

    const profileName = this.flags['save-profile'] ?? (this.prompt.interactive ? 'sandbox' : undefined)
    if (profileName) {
      const asked = this.flags['save-profile'] === undefined
      const save = !asked || (await confirmOrAbort(this.prompt, `Save these keys as the profile "${profileName}"?`, false).then(() => true, () => false))
      if (save) {
        saveSandboxProfile(this.profiles, profileName, sandbox)
        this.note(`Saved as profile "${profileName}": try \`duo users list --profile ${profileName}\`.`)
      }
    }

    this.note('Sandbox running; Ctrl-C to stop.')
    await untilSignal()
    await sandbox.close()
    this.note('Sandbox stopped.')
  }
}
