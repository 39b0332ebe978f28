// `duo doctor`: the field failures that are not bugs in a call (a missing or leaky profile, DNS, a
// firewall or proxy, TLS inspection, a wrong clock, refused keys, missing permissions), checked in
// the order a request meets them. A check that cannot run because an earlier one failed is
// reported as skipped, never guessed.
import {isIP} from 'node:net'

import {DuoClient} from '../transport/client.js'
import type {ResolvedCredentials} from '../core/credentials.js'
import {connectTcp, probeDuo, resolveName, type ProbeAnswer} from './doctor-probes.js'
import {DuoApiError, DuoError} from '../core/errors.js'
import {describeSkew} from '../core/error-hints.js'
import {type ApiEndpoint, isLoopbackHost, parseApiHost} from '../core/host.js'
import {invoke} from '../core/invoke.js'
import {type Transport, createTransport, describeTransportFailure} from '../transport/network.js'

export type CheckName = 'clock' | 'credentials' | 'dns' | 'host' | 'permission-read' | 'permission-write' | 'profile' | 'tcp' | 'tls'

export interface Check {
  name: CheckName
  /** False when it failed, or could not run because an earlier check failed. */
  ok: boolean
  /** Not run: not applicable (ok) or blocked by an earlier failure (not ok). */
  skipped: boolean
  detail: string
  fix?: string
}

export interface DoctorReport {
  checks: Check[]
  ok: boolean
}

export interface DoctorInput {
  /** This run's credentials, or the configuration error that stopped resolving them. */
  credentials: DuoError | ResolvedCredentials
  /** The host as written in the profile or DUO_HOST, to tell a bad host from a missing profile. */
  rawHost?: string
  configFile: {path: string; exists: boolean; looseMode: number | undefined}
  timeoutMs?: number
  /**
   * Why the child account (--account, DUO_ACCOUNT or the profile's) could not be looked up; the
   * checks then run on the parent's credentials, to find out why (network, keys, permission).
   */
  accountError?: DuoError
}

type Outcome = {ok: false; detail: string; fix: string} | {ok: true; detail: string; skipped?: boolean}

const ORDER: CheckName[] = ['profile', 'host', 'dns', 'tcp', 'tls', 'clock', 'credentials', 'permission-read', 'permission-write']

const LABELS: Record<CheckName, string> = {
  clock: 'Clock',
  credentials: 'Credentials',
  dns: 'DNS',
  host: 'API host',
  'permission-read': 'Grant resource - Read',
  'permission-write': 'Grant resource - Write',
  profile: 'Profile',
  tcp: 'TCP',
  tls: 'TLS',
}

const PERMISSIONS_PAGE = 'Duo Admin Panel → Applications → your Admin API application → Permissions'
/** Duo's tolerance is about five minutes (a third-party observation; Duo's docs give no figure); past a minute is worth fixing now. */
const CLOCK_TOLERANCE_MS = 60_000

class Checklist {
  readonly checks: Check[] = []
  private stoppedBy?: string

  /** Runs one check, or records it as skipped when an earlier failure makes it meaningless. */
  async step(name: CheckName, run: () => Outcome | Promise<Outcome>): Promise<Outcome | undefined> {
    if (this.stoppedBy) {
      this.checks.push({detail: `skipped: ${this.stoppedBy}`, name, ok: false, skipped: true})
      return undefined
    }

    const outcome = await run()
    const skipped = outcome.ok && Boolean(outcome.skipped)
    this.checks.push({detail: outcome.detail, name, ok: outcome.ok, skipped, ...(outcome.ok ? {} : {fix: outcome.fix})})
    return outcome
  }

  stop(reason: string): void {
    this.stoppedBy ??= reason
  }

  /** Every check in order, those never reached shown as skipped. */
  report(): DoctorReport {
    for (const name of ORDER.slice(this.checks.length)) this.checks.push({detail: `skipped: ${this.stoppedBy}`, name, ok: false, skipped: true})
    return {checks: this.checks, ok: this.checks.every((c) => c.ok)}
  }
}

export async function runDoctor(input: DoctorInput): Promise<DoctorReport> {
  const timeoutMs = input.timeoutMs ?? 10_000
  const list = new Checklist()
  const {credentials} = input
  const hostError = credentials instanceof DuoError ? hostProblem(input.rawHost, credentials) : undefined

  await list.step('profile', () => checkProfile(input, hostError))
  if (credentials instanceof DuoError && !hostError) list.stop('no usable profile')
  let endpoint: ApiEndpoint | undefined
  await list.step('host', () => {
    if (hostError) return {detail: hostError.message, fix: hostError.hint ?? 'Give the API hostname from the Admin Panel.', ok: false}
    // For a child account, the host its calls go to (the parent's lookup already worked, or this would not run).
    const {account, host} = credentials as ResolvedCredentials
    endpoint = parseApiHost(account?.api_hostname ?? host)
    const plain = endpoint.baseUrl.startsWith('http:') ? ' (plain http: a loopback sandbox only)' : ''
    const child = account ? ` (child account "${account.name}", ${account.account_id})` : ''
    return {detail: endpoint.baseUrl + plain + child, ok: true}
  })
  if (!endpoint || credentials instanceof DuoError) {
    list.stop('no usable API host')
    return list.report()
  }

  const transport = createTransport(credentials)
  try {
    await checkNetwork(list, transport, endpoint.baseUrl, timeoutMs)
    await checkAccess(list, credentials, timeoutMs)
  } finally {
    transport.close()
  }

  return list.report()
}

/** The ConfigError was about the host itself when parsing that host fails the same way. */
function hostProblem(rawHost: string | undefined, error: DuoError): DuoError | undefined {
  if (rawHost === undefined) return undefined
  try {
    parseApiHost(rawHost)
    return undefined
  } catch (hostError) {
    return hostError instanceof DuoError && hostError.message === error.message ? hostError : undefined
  }
}

function checkProfile(input: DoctorInput, hostError: DuoError | undefined): Outcome {
  const {credentials, configFile} = input
  if (credentials instanceof DuoError && !hostError) {
    return {detail: credentials.message, fix: credentials.hint ?? 'Run `duo profiles add`.', ok: false}
  }

  const source = credentials instanceof DuoError ? 'found' : `from ${credentials.source}`
  if (configFile.looseMode !== undefined) {
    const mode = configFile.looseMode.toString(8).padStart(4, '0')
    return {
      detail: `${source}, but ${configFile.path} has mode ${mode}: other users can read the secret keys`,
      fix: `chmod 600 '${configFile.path}'`,
      ok: false,
    }
  }

  if (input.accountError) {
    return {
      detail: `${source}, but its child account could not be looked up: ${input.accountError.message.replace(/\.$/, '')}; the checks below use the parent's host`,
      fix: input.accountError.hint ?? 'See `duo accounts list`.',
      ok: false,
    }
  }

  return {detail: configFile.exists ? `${source}; ${configFile.path} is mode 0600` : `${source}; no profiles file yet`, ok: true}
}

async function checkNetwork(list: Checklist, transport: Transport, baseUrl: string, timeoutMs: number): Promise<void> {
  const proxy = await transport.proxyFor(baseUrl)
  // Through a proxy, DNS and TCP are the proxy's business beyond it; ours is reaching the proxy.
  const target = new URL(proxy ?? baseUrl)
  const hostname = target.hostname.replace(/^\[|\]$/g, '')
  const port = Number(target.port) || defaultPort(target.protocol)
  const ofProxy = proxy ? ` (the proxy ${proxy})` : ''
  const networkFix = proxy
    ? 'Check the proxy URL (HTTPS_PROXY / HTTP_PROXY, or the profile\'s proxy), or list the Duo host in NO_PROXY to go direct.'
    : 'Check the API host in the Admin Panel; if this network only reaches the internet through a proxy, set HTTPS_PROXY or the profile\'s proxy (`duo profiles add --proxy URL`).'

  const dns = await list.step('dns', async () => {
    if (isIP(hostname) || isLoopbackHost(hostname)) return {detail: `not needed for ${hostname}`, ok: true, skipped: true}
    try {
      return {detail: `${hostname}${ofProxy} → ${await resolveName(hostname)}`, ok: true}
    } catch (error) {
      return {detail: `${hostname}${ofProxy} does not resolve (${(error as {code?: string}).code ?? (error as Error).message})`, fix: networkFix, ok: false}
    }
  })
  if (dns && !dns.ok) list.stop('DNS failed')

  const tcp = await list.step('tcp', async () => {
    try {
      const {address, ms} = await connectTcp(hostname, port, timeoutMs)
      return {detail: `connected to ${address}:${port}${ofProxy} in ${ms} ms`, ok: true}
    } catch (error) {
      const err = error as {code?: string; message: string}
      return {detail: `cannot connect to ${hostname}:${port}${ofProxy}: ${err.code ?? err.message}`, fix: `A firewall may block it. ${networkFix}`, ok: false}
    }
  })
  if (tcp && !tcp.ok) list.stop('no TCP connection')

  // One request serves both the TLS and the clock check.
  let answer: ProbeAnswer | undefined
  let failure: ReturnType<typeof describeTransportFailure> | undefined
  if (tcp?.ok) {
    try {
      answer = await probeDuo(transport, baseUrl, timeoutMs)
    } catch (error) {
      failure = describeTransportFailure(error, {baseUrl, caBundle: transport.caBundle?.path, proxy, timeoutMs})
    }
  }

  const https = baseUrl.startsWith('https:')
  const tls = await list.step('tls', () => {
    if (!https) return {detail: 'not used: plain http to a loopback sandbox', ok: true, skipped: true}
    if (failure) {
      const host = new URL(baseUrl).host
      const inspect = `\`openssl s_client -connect ${host} -showcerts${proxy ? ` -proxy ${new URL(proxy).host}` : ''}\` shows who signed the certificate.`
      return {detail: failure.message, fix: `${failure.hint} ${inspect}`, ok: false}
    }

    const bundle = transport.caBundle
    const trusting = bundle ? `; trusting ${bundle.path} too (${bundle.certificates.map((c) => c.subject.replaceAll('\n', ', ')).join('; ')})` : ''
    const {issuer, protocol, subject} = answer!.tls!
    return {detail: `verified (${protocol}): ${subject}, issued by ${issuer}${trusting}`, ok: true}
  })
  if (tls && !tls.ok) list.stop('TLS failed')

  await list.step('clock', () => {
    if (failure) {
      list.stop('no answer from the API host')
      return {detail: failure.message, fix: failure.hint, ok: false}
    }

    const offset = answer?.clockOffsetMs
    if (offset === undefined) return {detail: 'not measured: the answer had no Date header', ok: true, skipped: true}
    if (Math.abs(offset) < CLOCK_TOLERANCE_MS) return {detail: `within ${Math.round(Math.abs(offset) / 1000)} s of Duo's`, ok: true}
    return {
      detail: `This computer's clock is ${describeSkew(offset)}; Duo refuses requests about 5 minutes off`,
      fix: 'Turn on automatic time sync (NTP), e.g. `sudo timedatectl set-ntp true` on Linux, then run duo doctor again.',
      ok: false,
    }
  })
}

/** A cheap signed read shows whether Duo takes the keys, and whether the read permission is there. */
async function checkAccess(list: Checklist, credentials: ResolvedCredentials, timeoutMs: number): Promise<void> {
  let readRefused: DuoApiError | undefined
  const accepted = await list.step('credentials', async () => {
    // One attempt: a doctor that waits a minute on rate limits is no help.
    const client = new DuoClient({credentials, maxAttempts: 1, timeoutMs})
    try {
      await invoke(client, 'listusers', {limit: 1})
      return {detail: `accepted (${credentials.ikey}): a signed GET /admin/v1/users?limit=1 succeeded`, ok: true}
    } catch (error) {
      if (error instanceof DuoApiError && error.code === 40_301) {
        readRefused = error
        return {detail: `accepted (${credentials.ikey}): Duo authenticated the read, then refused it (40301)`, ok: true}
      }

      if (error instanceof DuoError) return {detail: error.message, fix: error.hint ?? 'Check the keys with `duo profiles show`.', ok: false}
      throw error
    } finally {
      client.close()
    }
  })
  if (accepted && !accepted.ok) list.stop('the credentials were not accepted')

  await list.step('permission-read', () =>
    readRefused
      ? {detail: 'missing: listing users was refused', fix: readRefused.hint ?? `Check "Grant resource - Read" in the ${PERMISSIONS_PAGE}.`, ok: false}
      : {detail: 'granted: listing users works', ok: true},
  )
  await list.step('permission-write', () => ({
    detail: `not probed (it would need a write): see the ${PERMISSIONS_PAGE} page, "Grant resource - Write"`,
    ok: true,
    skipped: true,
  }))
}

function defaultPort(protocol: string): number {
  if (protocol === 'https:') return 443
  return protocol.startsWith('socks') ? 1080 : 80
}

/** The checklist for a person: ✓ passed, ✗ failed (with its fix), - skipped. */
export function renderReport(report: DoctorReport): string {
  const width = Math.max(...report.checks.map((c) => LABELS[c.name].length))
  const lines = report.checks.flatMap((check) => {
    const mark = check.skipped ? '-' : check.ok ? '✓' : '✗'
    const line = `${mark} ${LABELS[check.name].padEnd(width)}  ${check.detail}`
    return check.fix ? [line, `  ${' '.repeat(width)}  fix: ${check.fix}`] : [line]
  })
  const failed = report.checks.filter((c) => !c.ok && !c.skipped).length
  lines.push('', report.ok ? 'All checks passed.' : `${failed} check${failed === 1 ? '' : 's'} failed.`)
  return lines.join('\n')
}
