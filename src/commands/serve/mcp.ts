import {Flags} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {operations} from '../../core/catalog/index.js'
import {untilSignal} from '../../cli/sandbox-launch.js'
import {openAuditLog} from '../../serve/audit.js'
import {assertSafeBind, resolveToken} from '../../serve/http-guard.js'
import {announce, serveFlags, serveUntilSignal} from '../../cli/serve-launch.js'
import {serveMcpStdio, startMcpServer} from '../../serve/mcp.js'
import {CONFIRM, selectTools} from '../../serve/mcp-tools.js'

export default class ServeMcp extends ApiCommand<typeof ServeMcp> {
  static override description = [
    'One MCP tool per Admin API operation, named as the operation (listusers, createuser, deleteuser …), with a full JSON Schema input, annotations (readOnly, destructive, idempotent, openWorld), structuredContent results, and Duo failures as isError results carrying Duo\'s code and message. List tools take limit/offset and return metadata.next_offset.',
    `Tools that remove access or reach a person (${operations.filter((o) => o.needsConfirmation).map((o) => o.name).join(', ')}) require the argument ${CONFIRM}: true; without it nothing is sent.`,
    'Streamable HTTP at http://127.0.0.1:9090/mcp (stateless, JSON answers): every request needs "Authorization: Bearer <token>" (a random token is printed on stderr at start unless --token or --token-file gives one), requests under a foreign Host or Origin are refused (DNS rebinding), and bodies over 1 MiB get 413. With --stdio the protocol runs on stdin/stdout for desktop clients, and everything else goes to stderr.',
    'Each write is logged as one JSON line (time, operation, path ids, status) on stderr or to --audit-log. Runs until SIGINT/SIGTERM (or, with --stdio, until the client closes stdin). With --json, prints one line {url, token} on stdout.',
  ].join('\n\n')

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --stdio --profile prod --read-only',
    '<%= config.bin %> <%= command.id %> --sandbox --port 0 --json',
    '<%= config.bin %> <%= command.id %> --tools listusers,getuser,listusergroups --token-file ~/.duo-mcp-token',
  ]

  static override flags = {
    ...serveFlags(9090),
    'read-only': Flags.boolean({description: 'List and serve only read tools (wins over --tools)'}),
    stdio: Flags.boolean({
      description: 'Speak MCP on stdin/stdout instead of HTTP (for desktop clients that start the server)',
      exclusive: ['host', 'port', 'token-file', 'json'],
    }),
    tools: Flags.string({
      delimiter: ',',
      description: 'Serve only these tools (comma-separated operation names; an unknown name is an error)',
      multiple: true,
    }),
  }

  static override summary = 'Serve the Admin API operations as MCP tools for AI agents'

  async run(): Promise<void> {
    const {auth, host, port, stdio, tools} = this.flags
    const readOnly = this.flags['read-only']
    // Every refusal of the flags comes before the keys are read or a port is taken.
    const {operations: selected, withheld} = selectTools({readOnly, tools})
    if (withheld.length > 0) process.stderr.write(`--read-only: not serving the write tools ${withheld.join(', ')}\n`)
    if (!stdio) assertSafeBind(host, auth)
    const token = stdio ? undefined : resolveToken({auth, token: this.flags.token, tokenFile: this.flags['token-file']})
    const service = {auditLog: openAuditLog(this.flags['audit-log']), client: await this.client(), readOnly, tools, version: this.config.version}
    const served = `${selected.length} tools${readOnly ? ', read-only' : ''}`

    if (stdio) {
      const session = await serveMcpStdio(service)
      process.stderr.write(`duo serve mcp: ${served} on stdio\n`)
      await Promise.race([session.closed, untilSignal()])
      await session.close()
      return
    }

    const server = await startMcpServer({...service, auth, host, port, token})
    announce(server, {
      json: this.jsonEnabled(),
      tokenGiven: this.flags.token !== undefined || this.flags['token-file'] !== undefined,
      what: `duo serve mcp: ${served} at`,
    })
    await serveUntilSignal(() => server.close())
  }
}
