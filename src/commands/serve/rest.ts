import {ApiCommand} from '../../cli/api-command.js'
import {useKeyVariables} from '../../cli/capability-keys.js'
import {operations} from '../../core/catalog/index.js'
import {openAuditLog} from '../../serve/audit.js'
import {loadCapability} from '../../serve/capability-file.js'
import {assertSafeBind, resolveToken} from '../../serve/http-guard.js'
import {announce, selectionFlags, serveFlags, servePort, serveUntilSignal} from '../../cli/serve-launch.js'
import {startRestServer} from '../../serve/rest.js'
import {selectOperations} from '../../serve/toolsets.js'

export default class ServeRest extends ApiCommand<typeof ServeRest> {
  static override description = [
    'Serves every Admin API operation at Duo\'s own method and path (GET /admin/v1/users, DELETE /admin/v1/users/{user_id} …) on 127.0.0.1, signed with the profile\'s keys, so local tools call Duo without holding them. Parameters go in the query string, a JSON body or a form body; Duo\'s status and JSON envelope come back unchanged, and the adapter\'s own refusals use the same FAIL envelope.',
    'Every request needs "Authorization: Bearer <token>": a random token is printed on stderr at start unless --token or --token-file gives one. Requests under a foreign Host or Origin are refused (DNS rebinding), bodies over 1 MiB get 413, and each write is logged as one JSON line (time, operation, path ids, status) on stderr or to --audit-log. GET /openapi.json describes every route; GET /healthz needs no token.',
    'By default every catalog operation is served; --toolsets (users, groups, devices, logs, account …, or all), --tools and --capability FILE (a Naftiko capability file: its REST operations and port) narrow that, and an operation left out answers 404. While Duo rate limits, a caller waits at most --retry-budget seconds, then gets Duo\'s 429 with Retry-After.',
    'Runs until SIGINT or SIGTERM, then lets requests in flight finish (a second signal stops at once). With --json, prints one line {url, token} on stdout.',
  ].join('\n\n')

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --sandbox --port 0 --json',
    '<%= config.bin %> <%= command.id %> --profile prod --read-only --token-file ~/.duo-rest-token --audit-log ~/duo-audit.jsonl',
    'curl -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:8080/admin/v1/users?username=alice"',
  ]

  static override flags = {
    ...serveFlags(8080),
    ...selectionFlags('operations'),
  }

  static override summary = 'Serve the Admin API operations as a local REST adapter'

  async run(): Promise<void> {
    const {auth, host, tools, toolsets} = this.flags
    // Every refusal of the flags and the file comes before the keys are read or a port is taken.
    const capability = this.flags.capability === undefined ? undefined : loadCapability(this.flags.capability)
    if (capability && !capability.rest) this.error(`${capability.source} exposes no REST adapter (no exposes entry of type rest).`, {exit: 2})
    const universe = capability?.rest?.operations ?? operations
    // --read-only keeps answering 403 for writes (below), so the selection itself keeps them.
    const selected = selectOperations({tools, toolsets}, universe).operations
    assertSafeBind(host, auth)
    const token = resolveToken({auth, token: this.flags.token, tokenFile: this.flags['token-file']})
    if (capability) useKeyVariables(capability)
    const server = await startRestServer({
      auditLog: openAuditLog(this.flags['audit-log']),
      auth,
      client: await this.client(),
      host,
      operations: selected,
      port: servePort(this.flags.port, capability?.rest?.port, 8080),
      readOnly: this.flags['read-only'],
      retryBudgetMs: this.flags['retry-budget'] * 1000,
      token,
    })

    announce(server, {
      json: this.jsonEnabled(),
      notes: [`OpenAPI: ${server.url}/openapi.json${this.flags['read-only'] ? ' (read-only: writes answer 403)' : ''}`],
      tokenGiven: this.flags.token !== undefined || this.flags['token-file'] !== undefined,
      what: 'duo serve rest: listening on',
    })
    await serveUntilSignal(() => server.close())
  }
}
