// Base of every command that calls Duo: adds --profile, --sandbox, --ca-bundle and --account, and
// builds the signed client once, lazily, so commands that fail validation never touch the network or
// the keys. With a child account (--account, DUO_ACCOUNT or the profile's), the client is built for
// it, so everything the command calls (names, pickers, `duo api`, REST, MCP) reaches the child.
import {Command, Flags} from '@oclif/core'

import {type ClientOptions, DuoClient, describeExchange, describeRetry} from '../transport/client.js'
import {type ResolvedCredentials, resolveCredentials} from '../core/credentials.js'
import {DuoCommand} from './duo-command.js'
import {startEmbeddedSandbox} from './embedded-sandbox.js'
import {DIRECT} from '../transport/network.js'
import {pickMissing} from './pickers.js'
import {NotFoundError} from '../core/errors.js'
import {findChildAccount, namesParent} from '../tasks/child-account.js'

interface Session {
  client: DuoClient
  /** What the client was built from, network settings included. */
  credentials: ResolvedCredentials
  stop(): Promise<void>
}

export abstract class ApiCommand<T extends typeof Command> extends DuoCommand<T> {
  static override baseFlags = {
    account: Flags.string({
      description: 'MSP child account to act on, by name or account id, with the parent\'s keys (default: the profile\'s account; "none": the parent itself)',
      env: 'DUO_ACCOUNT',
      helpGroup: 'GLOBAL',
    }),
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

  /** Arguments naming a user, group or phone that were left out: picked on a terminal, else a usage error. */
  override async init(): Promise<void> {
    await super.init()
    await pickMissing(() => this.client(), this.prompt, (this.ctor.args ?? {}) as Record<string, object>, this.args as Record<string, unknown>)
  }

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
    const flags = this.flags as {account?: string; 'ca-bundle'?: string; profile?: string; sandbox?: boolean}
    if (flags.sandbox) {
      const sandbox = await startEmbeddedSandbox(this.config.configDir)
      try {
        // The emulator runs in this process on loopback, where no proxy from the environment could reach it.
        const credentials = await this.withAccount({...sandbox.credentials, proxy: DIRECT}, flags.account)
        const client = new DuoClient({credentials, version: this.config.version, ...this.reporting()})
        return {client, credentials, stop: async () => (client.close(), sandbox.stop())}
      } catch (error) {
        await sandbox.stop()
        throw error
      }
    }

    const resolved = resolveCredentials(this.profiles, flags.profile)
    const credentials = await this.withAccount(flags['ca-bundle'] ? {...resolved, caBundle: flags['ca-bundle']} : resolved, flags.account)
    const client = new DuoClient({credentials, version: this.config.version, ...this.reporting()})
    return {client, credentials, stop: async () => client.close()}
  }

  /**
   * The credentials for the child account named by --account (DUO_ACCOUNT), else by the profile:
   * looked up with the parent's keys before anything else is sent, so an unknown account reaches
   * no child. "none" keeps the parent itself.
   */
  private async withAccount(parent: ResolvedCredentials, flag: string | undefined): Promise<ResolvedCredentials> {
    const {profileAccount} = parent
    const wanted = flag ?? profileAccount?.account_id
    if (wanted === undefined || namesParent(wanted)) return parent
    try {
      const account = await findChildAccount(parent, wanted, {version: this.config.version, ...this.reporting()})
      return {...parent, account, source: `${parent.source}, child account "${account.name}" (${account.account_id})`}
    } catch (error) {
      if (flag !== undefined || !(error instanceof NotFoundError)) throw error
      throw new NotFoundError(
        `The child account of ${parent.source}, "${profileAccount!.name}" (${profileAccount!.account_id}), is not among the parent's child accounts any more.`,
        'Set another with `duo profiles set NAME --account NAME|ID`, or `--account none` for the parent itself; `duo accounts list` shows them.',
      )
    }
  }

  /** Every backoff is said on stderr (a wait is never silent); with --verbose, every request too. */
  protected reporting(): Pick<ClientOptions, 'onExchange' | 'onRetry'> {
    const say = (line: string) => process.stderr.write(line + '\n')
    return {
      onExchange: (this.flags as {verbose?: boolean}).verbose ? (event) => say(`duo: ${describeExchange(event)}`) : undefined,
      onRetry: (event) => say(describeRetry(event)),
    }
  }
}
