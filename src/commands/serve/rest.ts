import {Flags} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {openAuditLog} from '../../serve/audit.js'
import {assertSafeBind, resolveToken} from '../../serve/http-guard.js'
import {announce, serveFlags, serveUntilSignal} from '../../cli/serve-launch.js'
import {startRestServer} from '../../serve/rest.js'

export default class ServeRest extends ApiCommand<typeof ServeRest> {
  static override description = [
    'Serves every Admin API operation at Duo\'s own method and path (GET /admin/v1/users, DELETE /admin/v1/users/{user_id} …) on 127.0.0.1, signed with the profile\'s keys, so local tools call Duo without holding them. Parameters go in the query string, a JSON body or a form body; Duo\'s status and JSON envelope come back unchanged, and the adapter\'s own refusals use the same FAIL envelope.',
    'Every request needs "Authorization: Bearer <token>": a random token is printed on stderr at start unless --token or --token-file gives one. Requests under a foreign Host or Origin are refused (DNS rebinding), bodies over 1 MiB get 413, and each write is logged as one JSON line (time, operation, path ids, status) on stderr or to --audit-log. GET /openapi.json describes every route; GET /healthz needs no token.',
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
    'read-only': Flags.boolean({description: 'Serve only read operations; writes answer 403'}),
  }

  static override summary = 'Serve the Admin API operations as a local REST adapter'

  async run(): Promise<void> {
    const {auth, host, port} = this.flags
    // Every refusal of the flags comes before the keys are read or a port is taken.
    assertSafeBind(host, auth)
    const token = resolveToken({auth, token: this.flags.token, tokenFile: this.flags['token-file']})
    const server = await startRestServer({
      auditLog: openAuditLog(this.flags['audit-log']),
      auth,
      client: await this.client(),
      host,
      port,
      readOnly: this.flags['read-only'],
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
