import {Args, Flags} from '@oclif/core'
import {existsSync} from 'node:fs'

import {DuoCommand} from '../../cli/duo-command.js'
import {type ProfileView, gatherProfile, viewProfile} from '../../cli/profile-setup.js'
import {checkProfileName} from '../../core/profiles.js'
import {confirmOrAbort} from '../../cli/prompts.js'
import {checkNewKeys} from '../../tasks/profile-check.js'
import {profileAccountFor} from '../../tasks/child-account.js'

export default class ProfilesAdd extends DuoCommand<typeof ProfilesAdd> {
  static override args = {
    name: Args.string({default: 'default', description: 'Profile name'}),
  }

  static override description =
    'Asks for what is missing on a terminal, then checks the keys and host with one read call (GET /admin/v1/users?limit=1) and saves nothing if Duo refuses them, saying why (skip with --no-verify). The secret key is read from a hidden prompt or from stdin (--skey-stdin), never from the command line, and stored in a file only you can read (mode 0600).'

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    'pass show duo/prod | <%= config.bin %> <%= command.id %> prod --ikey DIXXXXXXXXXXXXXXXXXX --host api-1234abcd.duosecurity.com --skey-stdin',
  ]

  static override flags = {
    account: Flags.string({description: 'MSP child account these (the parent\'s Accounts API) keys act on, by name or account id; looked up before saving'}),
    'ca-bundle': Flags.string({description: 'PEM file of CA certificates to trust besides the system ones (a TLS-inspecting proxy\'s CA)'}),
    default: Flags.boolean({description: 'Make this the default profile (the first profile always is)'}),
    force: Flags.boolean({description: 'Replace an existing profile of the same name without asking'}),
    host: Flags.string({description: 'API hostname, e.g. api-1234abcd.duosecurity.com'}),
    ikey: Flags.string({description: 'Integration key (DI…)'}),
    proxy: Flags.string({description: 'Proxy URL for this profile, e.g. http://proxy.example.com:3128 (wins over HTTPS_PROXY), or "direct" for none'}),
    'signature-version': Flags.option({default: '5', description: 'Request signature version: 5 (SHA-512, JSON bodies) or legacy 2', options: ['2', '5'] as const})(),
    'skey-stdin': Flags.boolean({description: 'Read the secret key from stdin'}),
    verify: Flags.boolean({allowNo: true, default: true, description: 'Check the keys and host with one read call before saving (--no-verify saves them unchecked)'}),
  }

  static override summary = 'Save an integration key, secret key and API host as a named profile'

  async run(): Promise<ProfileView> {
    const name = checkProfileName(this.args.name)
    if (this.profiles.find(name) && !this.flags.force) {
      await confirmOrAbort(this.prompt, `Replace the existing profile "${name}"?`, false)
    }

    const profile = await gatherProfile(this.prompt, {
      caBundle: this.flags['ca-bundle'],
      host: this.flags.host,
      ikey: this.flags.ikey,
      proxy: this.flags.proxy,
      signatureVersion: Number(this.flags['signature-version']) as 2 | 5,
      skeyFromStdin: this.flags['skey-stdin'],
    })
    const keys = {...profile, source: `the new profile "${name}"`}
    // The child is looked up first, so the keys are then checked where commands will send them.
    const child = this.flags.account === undefined ? undefined : await profileAccountFor(keys, this.flags.account)
    if (this.flags.verify) {
      const configFile = {exists: existsSync(this.profiles.path), looseMode: this.profiles.looseMode(), path: this.profiles.path}
      const checked = await checkNewKeys({...keys, ...(child && {account: child.found})}, configFile)
      if (checked.note) this.note(checked.note)
    }

    this.profiles.save(name, {...profile, ...(child?.kept && {account: child.kept})}, this.flags.default)
    this.note(`Saved profile "${name}" in ${this.profiles.path}.`)
    return viewProfile(this.profiles, name)
  }
}
