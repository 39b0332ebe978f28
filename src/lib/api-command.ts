// Base of every command that calls Duo: adds --profile and --sandbox, and builds the signed client
// once, lazily, so commands that fail validation never touch the network or the keys.
import {Command, Flags} from '@oclif/core'

import {DuoClient} from './client.js'
import {resolveCredentials} from './credentials.js'
import {DuoCommand} from './duo-command.js'
import {startEmbeddedSandbox} from './embedded-sandbox.js'

interface Session {
  client: DuoClient
  stop(): Promise<void>
}

export abstract class ApiCommand<T extends typeof Command> extends DuoCommand<T> {
  static override baseFlags = {
    profile: Flags.string({
      description: 'Profile to use (default: DUO_IKEY/DUO_SKEY/DUO_HOST if set, else the default profile)',
      env: 'DUO_PROFILE',
      helpGroup: 'GLOBAL',
    }),
    sandbox: Flags.boolean({
      description: 'Run against the embedded local Duo emulator instead of Duo (no account needed)',
      exclusive: ['profile'],
      helpGroup: 'GLOBAL',
    }),
  }

  private session?: Promise<Session>

  /** The signed client for this run's credentials (or the embedded sandbox with --sandbox). */
  protected async client(): Promise<DuoClient> {
    this.session ??= this.openSession()
    return (await this.session).client
  }

  override async finally(error: Error | undefined): Promise<unknown> {
    if (this.session) await (await this.session.catch(() => undefined))?.stop()
    return super.finally(error)
  }

  private async openSession(): Promise<Session> {
    const flags = this.flags as {profile?: string; sandbox?: boolean}
    if (flags.sandbox) {
      const sandbox = await startEmbeddedSandbox(this.config.configDir)
      const client = new DuoClient({credentials: sandbox.credentials})
      return {client, stop: async () => (client.close(), sandbox.stop())}
    }

    const client = new DuoClient({credentials: resolveCredentials(this.profiles, flags.profile)})
    return {client, stop: async () => client.close()}
  }
}
