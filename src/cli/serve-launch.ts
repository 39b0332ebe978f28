// What the serving commands (`duo serve rest`, `duo serve mcp`) share on the command line: the flags
// of a local HTTP server, the start-up announcement and the two-signal shutdown.
//
// API:
//   serveFlags(defaultPort)   --host, --port, --[no-]auth, --token (env DUO_SERVE_TOKEN), --token-file,
//                             --audit-log
//   announce(server, options) the URL and token on stderr (in --json mode too: the caller needs the
//                             token), and with json one line {url, token} on stdout
//   serveUntilSignal(close)   waits for SIGINT/SIGTERM, then close() lets requests in flight finish;
//                             a second signal exits at once (130)
import {Flags} from '@oclif/core'

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
    port: Flags.integer({default: defaultPort, description: 'Port to listen on (0: any free port)', max: 65_535, min: 0}),
    token: Flags.string({
      description: 'The bearer token to require (at least 16 characters; prefer --token-file or the env var, argv is visible to other users)',
      env: 'DUO_SERVE_TOKEN',
      exclusive: ['token-file'],
    }),
    'token-file': Flags.string({description: 'Read the bearer token from this file'}),
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
