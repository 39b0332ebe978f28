import {Args, Flags} from '@oclif/core'

import {DuoCommand} from '../../cli/duo-command.js'
import {renderRecord} from '../../cli/output.js'
import {type ProfileView, viewProfile} from '../../cli/profile-setup.js'
import {UsageError} from '../../core/errors.js'
import {parseApiHost} from '../../core/host.js'
import type {Profile} from '../../core/profiles.js'
import {checkProxySetting, readCaBundle} from '../../transport/network.js'
import {resolveCredentials} from '../../core/credentials.js'
import {profileAccountFor} from '../../tasks/child-account.js'

export default class ProfilesSet extends DuoCommand<typeof ProfilesSet> {
  static override args = {
    name: Args.string({description: 'Profile name', required: true}),
  }

  static override description =
    'Only what is passed changes; the integration and secret keys stay as they are (to change the keys, run `duo profiles add NAME --force`). Each value is checked as `profiles add` checks it.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> prod --proxy http://proxy.example.com:3128',
    '<%= config.bin %> <%= command.id %> prod --ca-bundle ./corp-ca.pem',
    '<%= config.bin %> <%= command.id %> prod --proxy direct --signature-version 5',
    '<%= config.bin %> <%= command.id %> msp --account "Acme Dental"',
    '<%= config.bin %> <%= command.id %> msp --account none',
  ]

  static override flags = {
    'ca-bundle': Flags.string({description: 'PEM file of CA certificates to trust besides the system ones'}),
    host: Flags.string({description: 'API hostname, e.g. api-1234abcd.duosecurity.com'}),
    proxy: Flags.string({description: 'Proxy URL, or "direct" for none (wins over HTTPS_PROXY)'}),
    'signature-version': Flags.option({description: 'Request signature version: 5 (SHA-512) or legacy 2', options: ['2', '5'] as const})(),
    account: Flags.string({description: 'MSP child account to act on by default, by name or account id (looked up now with the profile\'s keys), or "none" to clear it'}),
  }

  static override summary = 'Change a profile\'s host, proxy, CA bundle, signature version or child account, keeping its keys'

  async run(): Promise<ProfileView> {
    const {name} = this.args
    const changes: Partial<Profile> = {}
    if (this.flags.host !== undefined) {
      parseApiHost(this.flags.host)
      changes.host = this.flags.host
    }

    if (this.flags.proxy !== undefined) changes.proxy = checkProxySetting(this.flags.proxy)
    if (this.flags['ca-bundle'] !== undefined) changes.caBundle = readCaBundle(this.flags['ca-bundle']).path
    if (this.flags['signature-version'] !== undefined) changes.signatureVersion = Number(this.flags['signature-version']) as 2 | 5
    if (this.flags.account === undefined && Object.keys(changes).length === 0) {
      throw new UsageError('Nothing to change.', 'Pass --host, --proxy, --ca-bundle, --signature-version or --account.')
    }

    if (this.flags.account !== undefined) {
      // Looked up with the profile's keys as they will be (a new host or proxy given here counts).
      const {profileAccount: _old, ...parent} = resolveCredentials(this.profiles, name)
      const {account: _unset, ...network} = changes
      changes.account = (await profileAccountFor({...parent, ...network}, this.flags.account)).kept
    }

    this.profiles.update(name, changes)
    this.note(`Updated profile "${name}": ${Object.keys(changes).join(', ')}.`)
    const view = viewProfile(this.profiles, name)
    this.show(() => renderRecord({...view}))
    return view
  }
}
