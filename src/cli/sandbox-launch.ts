// `duo sandbox start`: turns flags into sandbox options, runs it until a signal, and offers to save
// its keys as a profile (the sandbox's keys are throwaway, so showing them is fine).
import type {ChildAccount} from '../core/calls.js'
import type {RunningSandbox, SandboxOptions} from '../sandbox/server.js'
import {parseDuration, parseRateLimit} from '../core/durations.js'
import type {ProfileStore} from '../core/profiles.js'
import {UsageError} from '../core/errors.js'

export interface SandboxFlags {
  port: number
  users?: number
  state?: string
  'rate-limit'?: string
  'fail-rate'?: number
  latency?: string
  'clock-offset'?: string
  deny?: string[]
  'auth-events'?: number
  'auth-rate'?: string
  'log-lag'?: string
}

export function sandboxOptions(flags: SandboxFlags): SandboxOptions {
  const failRate = flags['fail-rate']
  if (failRate !== undefined && (failRate < 0 || failRate > 1)) throw new UsageError('--fail-rate must be between 0 and 1.')
  const deny = new Set(flags.deny ?? [])
  return {
    authEvents: flags['auth-events'],
    authRate: flags['auth-rate'] === undefined ? undefined : parseRateLimit(flags['auth-rate'], '--auth-rate'),
    logLagMs: flags['log-lag'] === undefined ? undefined : parseDuration(flags['log-lag'], '--log-lag'),
    clockOffsetMs: flags['clock-offset'] === undefined ? undefined : parseDuration(flags['clock-offset'], '--clock-offset'),
    failRate,
    latencyMs: flags.latency === undefined ? undefined : parseDuration(flags.latency, '--latency'),
    permissions: Object.fromEntries([...deny].map((key) => [key, false])) as SandboxOptions['permissions'],
    port: flags.port,
    rateLimit: flags['rate-limit'] === undefined ? undefined : parseRateLimit(flags['rate-limit']),
    stateFile: flags.state,
    users: flags.users,
  }
}

export interface SandboxAnnouncement {
  url: string
  host: string
  ikey: string
  skey: string
}

export function announce(sandbox: RunningSandbox): SandboxAnnouncement {
  return {host: sandbox.host, ikey: sandbox.ikey, skey: sandbox.skey, url: sandbox.url}
}

/** The MSP child accounts the sandbox serves, as the Accounts API lists them. */
export function announcedAccounts(sandbox: RunningSandbox): ChildAccount[] {
  return sandbox.children.map((child) => ({account_id: child.account_id, api_hostname: child.url, name: child.name}))
}

/** One stderr line: the children, and how to reach one. */
export function describeAccounts(accounts: readonly ChildAccount[]): string {
  const listed = accounts.map((account) => `${account.name} (${account.account_id}) at ${account.api_hostname}`).join('; ')
  return `MSP child accounts: ${listed}. Reach one with --account NAME|ID, e.g. \`duo users list --account "${accounts[0]?.name}"\`.`
}

export function saveSandboxProfile(store: ProfileStore, name: string, sandbox: RunningSandbox): void {
  // `direct`: a company HTTP_PROXY must not capture calls to a sandbox on this machine.
  store.save(name, {host: sandbox.host, ikey: sandbox.ikey, proxy: 'direct', skey: sandbox.skey})
}

/** Resolves on the first SIGINT or SIGTERM, after which the caller closes the sandbox. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(signal)
    }

    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
}
