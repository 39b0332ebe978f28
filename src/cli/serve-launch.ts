// What the serving commands (`duo serve rest`, `duo serve mcp`) share on the command line: the flags
// of a local HTTP server, the start-up announcement and the two-signal shutdown.
//
// API:
//   serveFlags(defaultPort)   --host, --port, --[no-]auth, --token (env DUO_SERVE_TOKEN), --token-file,
//                             --audit-log
//   selectionFlags(what)      --toolsets, --tools, --read-only, --capability, --retry-budget
//   servePort(flag, file, default)  which port wins
//   announce(server, options) the URL and token on stderr (in --json mode too: the caller needs the
//                             token), and with json one line {url, token} on stdout
//   serveUntilSignal(close)   waits for SIGINT/SIGTERM, then close() lets requests in flight finish;
//                             a second signal exits at once (130)
import {Flags} from '@oclif/core'

import {spanFlag} from './flags.js'
import {writeJsonLine} from './output.js'
import {untilSignal} from './sandbox-launch.js'

export function serveFlags(defaultPort: number) {
  return {
    'audit-log': Flags.string({description: 'Append the write log to this file (mode 0600) instead of stderr'}),
    auth: Flags.boolean({
      allowNo: true,
      default: true,
      description: 'Require the bearer token (--no-auth is refused unless --host is loopback)',
    }),
    host: Flags.string({default: '127.0.0.1', description: 'Address to listen on'}),
    // No oclif default: a --capability file's port applies unless --port is given (servePort below).
    port: Flags.integer({description: `Port to listen on (0: any free port) [default: ${defaultPort}, or the --capability file's]`, max: 65_535, min: 0}),
    token: Flags.string({
      description: 'The bearer token to require (at least 16 characters; prefer --token-file or the env var, argv is visible to other users)',
      env: 'DUO_SERVE_TOKEN',
      exclusive: ['token-file'],
    }),
    'token-file': Flags.string({description: 'Read the bearer token from this file'}),
  }
}

/** The port to listen on: --port, else the capability file's, else the command's default. */
export function servePort(flag: number | undefined, fromFile: number | undefined, defaultPort: number): number {
  return flag ?? fromFile ?? defaultPort
}

/** The selection flags both serving commands take, over the catalog's toolsets (src/serve/toolsets.ts). */
export function selectionFlags(what: 'operations' | 'tools') {
  return {
    capability: Flags.string({
      description: `Serve what this Naftiko capability file declares (its ${what}, names, descriptions and port; hints only ever more cautious). Host and keys still come from the profile or environment.`,
    }),
    'read-only': Flags.boolean({description: `Serve only read ${what} (wins over --toolsets and --tools)`}),
    'retry-budget': spanFlag('--retry-budget', {max: 600, min: 0})({
      default: 10,
      description: 'How long to spend retrying for one caller while Duo rate limits, before answering that it does (REST 429 with Retry-After): seconds or a span such as 30s, 2m (at most 10 minutes)',
    }),
    tools: Flags.string({
      delimiter: ',',
      description: `Serve these ${what} too (comma-separated operation names; an unknown name is an error)`,
      multiple: true,
    }),
    toolsets: Flags.string({
      delimiter: ',',
      description: 'Serve these toolsets (comma-separated: users, groups, devices, logs, account …, or all)',
      multiple: true,
    }),
  }
}

export interface AnnounceOptions {
  /** e.g. "duo serve rest: listening on" */
  what: string
  /** True when the token came from --token/--token-file: the caller has it, so it is not echoed. */
  tokenGiven: boolean
  json: boolean
  /** Further lines for stderr. */
  notes?: string[]
}

export function announce(server: {token: string | undefined; url: string}, options: AnnounceOptions): void {
  const shown = server.token === undefined ? 'none (--no-auth)' : options.tokenGiven ? 'the one given' : server.token
  process.stderr.write([`${options.what} ${server.url}`, `Bearer token: ${shown}`, ...(options.notes ?? []), 'Ctrl-C to stop.', ''].join('\n'))
  if (options.json) writeJsonLine({token: server.token ?? null, url: server.url})
}

export async function serveUntilSignal(close: () => Promise<void>): Promise<void> {
  await untilSignal()
  // A second signal means "now": the caller gave up on requests still in flight.
  const force = () => process.exit(130)
  process.once('SIGINT', force)
  process.once('SIGTERM', force)
  process.stderr.write('Stopping: finishing requests in flight…\n')
  await close()
  process.off('SIGINT', force)
  process.off('SIGTERM', force)
}
