// Base of every command that calls Duo: adds --profile, --sandbox and --ca-bundle, and builds the
// signed client once, lazily, so commands that fail validation never touch the network or the keys.
import {Command, Flags} from '@oclif/core'

import {type ClientOptions, DuoClient, describeExchange, describeRetry} from '../transport/client.js'
import {type ResolvedCredentials, resolveCredentials} from '../core/credentials.js'
import {DuoCommand} from './duo-command.js'
import {startEmbeddedSandbox} from './embedded-sandbox.js'
import {DIRECT} from '../transport/network.js'

interface Session {
  client: DuoClient
  /** What the client was built from, network settings included. */
  credentials: ResolvedCredentials
  stop(): Promise<void>
}

export abstract class ApiCommand<T extends typeof Command> extends DuoCommand<T> {
  static override baseFlags = {
    'ca-bundle': Flags.string({
      description: 'PEM file of CA certificates to trust besides the system ones, e.g. a TLS-inspecting proxy\'s (instead of the profile\'s)',
      env: 'DUO_CA_BUNDLE',
      helpGroup: 'GLOBAL',
    }),
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
    verbose: Flags.boolean({
      description: 'Log each request on stderr: method, path, status and time (never parameters, keys or signatures)',
      env: 'DUO_VERBOSE',
      helpGroup: 'GLOBAL',
    }),
  }

  private opened?: Promise<Session>

  /** The signed client for this run's credentials (or the embedded sandbox with --sandbox). */
  protected async client(): Promise<DuoClient> {
    return (await this.session()).client
  }

  /** The client and the credentials behind it, set up once per run and closed in finally(). */
  protected session(): Promise<Session> {
    this.opened ??= this.openSession()
    return this.opened
  }

  override async finally(error: Error | undefined): Promise<unknown> {
    if (this.opened) await (await this.opened.catch(() => undefined))?.stop()
    return super.finally(error)
  }

  private async openSession(): Promise<Session> {
    const flags = this.flags as {'ca-bundle'?: string; profile?: string; sandbox?: boolean}
    if (flags.sandbox) {
      const sandbox = await startEmbeddedSandbox(this.config.configDir)
      // The emulator runs in this process on loopback, where no proxy from the environment could reach it.
      const credentials = {...sandbox.credentials, proxy: DIRECT}
      const client = new DuoClient({credentials, ...this.reporting()})
      return {client, credentials, stop: async () => (client.close(), sandbox.stop())}
    }

    const resolved = resolveCredentials(this.profiles, flags.profile)
    const credentials = flags['ca-bundle'] ? {...resolved, caBundle: flags['ca-bundle']} : resolved
    const client = new DuoClient({credentials, ...this.reporting()})
    return {client, credentials, stop: async () => client.close()}
  }

  /** Every backoff is said on stderr (a wait is never silent); with --verbose, every request too. */
  private reporting(): Pick<ClientOptions, 'onExchange' | 'onRetry'> {
    const say = (line: string) => process.stderr.write(line + '\n')
    return {
      onExchange: (this.flags as {verbose?: boolean}).verbose ? (event) => say(`duo: ${describeExchange(event)}`) : undefined,
      onRetry: (event) => say(describeRetry(event)),
    }
  }
}
