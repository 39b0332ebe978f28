import {Flags} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {spanFlag} from '../../cli/flags.js'
import {operations} from '../../core/catalog/index.js'
import {untilSignal} from '../../cli/sandbox-launch.js'
import {openAuditLog} from '../../serve/audit.js'
import {loadCapability} from '../../serve/capability-file.js'
import {assertSafeBind, resolveToken} from '../../serve/http-guard.js'
import {announce, selectionFlags, serveFlags, servePort, serveUntilSignal} from '../../cli/serve-launch.js'
import {serveMcpStdio, startMcpServer} from '../../serve/mcp.js'
import {CONFIRM} from '../../serve/mcp-tools.js'
import {initialTools} from '../../serve/mcp-service.js'
import {useKeyVariables} from '../../cli/capability-keys.js'

export default class ServeMcp extends ApiCommand<typeof ServeMcp> {
  static override description = [
    'One MCP tool per Admin API operation, named as the operation (listusers, createuser, deleteuser …), with a full JSON Schema input, an output schema, annotations (readOnly, destructive, idempotent, openWorld), structuredContent results, and Duo failures as isError results carrying Duo\'s code and message. Wherever a tool takes user_id a username or alias works too, and group_id takes a group name. List tools return one page of compact rows (fields picks others, full gives Duo\'s whole objects) and, when there is more, next: the arguments for the next page.',
    'By default the tools are the bundled capability\'s 32. --toolsets users,groups,devices,logs,account (or all) serves whole groups of operations, --tools adds single ones, --read-only keeps only reads; --dynamic-toolsets starts with only list_toolsets and enable_toolset, so an agent enables a toolset when it needs one (the client is told its tool list changed). --capability FILE serves what a Naftiko capability file declares instead.',
    `Tools that remove access or reach a person (${operations.filter((o) => o.needsConfirmation).map((o) => o.name).join(', ')}), and writes that set a status of bypass or disabled, are confirmed: when the client supports elicitation the server asks the person, and only their accept runs the call; with other clients, or with --trust-agent-confirm, the agent must pass ${CONFIRM}: true. Otherwise nothing is sent.`,
    'Streamable HTTP at http://127.0.0.1:9090/mcp: every request needs "Authorization: Bearer <token>" (a random token is printed on stderr at start unless --token or --token-file gives one), requests under a foreign Host or Origin are refused (DNS rebinding), and bodies over 1 MiB get 413. Sessions (opened by initialize, needed for elicitation and tool-list changes) are capped by --max-sessions, end after --session-idle seconds without a request, and serve only the token that opened them. With --stdio the protocol runs on stdin/stdout for desktop clients, and everything else goes to stderr.',
    'Each write is logged as one JSON line (time, operation, path ids, the fields set, status) on stderr or to --audit-log. While Duo rate limits, a call waits at most --retry-budget seconds, then returns an error saying when to retry. Runs until SIGINT/SIGTERM (or, with --stdio, until the client closes stdin). With --json, prints one line {url, token} on stdout.',
  ].join('\n\n')

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --stdio --profile prod --read-only',
    '<%= config.bin %> <%= command.id %> --stdio --toolsets users,groups',
    '<%= config.bin %> <%= command.id %> --stdio --dynamic-toolsets',
    '<%= config.bin %> <%= command.id %> --sandbox --port 0 --json',
    '<%= config.bin %> <%= command.id %> --capability ./helpdesk.naftiko.yaml --token-file ~/.duo-mcp-token',
  ]

  static override flags = {
    ...serveFlags(9090),
    ...selectionFlags('tools'),
    'dynamic-toolsets': Flags.boolean({description: 'List only list_toolsets and enable_toolset at first (plus any --toolsets/--tools); the agent enables toolsets as it needs them'}),
    'max-sessions': Flags.integer({default: 64, description: 'Most HTTP sessions open at once', max: 10_000, min: 1}),
    'session-idle': spanFlag('--session-idle', {max: 86_400, min: 10})({default: 900, description: 'How long an HTTP session may go without a request before it ends: seconds or a span such as 15m, 1h (10 s to 1 day)'}),
    stdio: Flags.boolean({
      description: 'Speak MCP on stdin/stdout instead of HTTP (for desktop clients that start the server)',
      exclusive: ['host', 'port', 'token-file', 'json', 'max-sessions', 'session-idle'],
    }),
    'trust-agent-confirm': Flags.boolean({description: `Accept the agent's ${CONFIRM}: true even from clients that could ask the person (elicitation)`}),
  }

  static override summary = 'Serve the Admin API operations as MCP tools for AI agents'

  async run(): Promise<void> {
    const {auth, host, stdio, tools, toolsets} = this.flags
    const readOnly = this.flags['read-only']
    // Every refusal of the flags and the file comes before the keys are read or a port is taken.
    const capability = this.flags.capability === undefined ? undefined : loadCapability(this.flags.capability)
    if (capability && !capability.mcp) this.error(`${capability.source} exposes no MCP adapter (no exposes entry of type mcp).`, {exit: 2})
    const selection = {capability, dynamic: this.flags['dynamic-toolsets'], readOnly, tools, toolsets}
    const {operations: initial, withheld} = initialTools(selection)
    if (withheld.length > 0) process.stderr.write(`--read-only: not serving the write tools ${withheld.join(', ')}\n`)
    if (!stdio) assertSafeBind(host, auth)
    const token = stdio ? undefined : resolveToken({auth, token: this.flags.token, tokenFile: this.flags['token-file']})
    if (capability) useKeyVariables(capability)
    const service = {
      ...selection,
      auditLog: openAuditLog(this.flags['audit-log']),
      client: await this.client(),
      retryBudgetMs: this.flags['retry-budget'] * 1000,
      trustAgentConfirm: this.flags['trust-agent-confirm'],
      version: this.config.version,
    }
    const served = `${initial.length} tools${readOnly ? ', read-only' : ''}${selection.dynamic ? ', dynamic toolsets' : ''}`

    if (stdio) {
      const session = await serveMcpStdio(service)
      process.stderr.write(`duo serve mcp: ${served} on stdio\n`)
      await Promise.race([session.closed, untilSignal()])
      await session.close()
      return
    }

    const port = servePort(this.flags.port, capability?.mcp?.port, 9090)
    const sessions = {idleMs: this.flags['session-idle'] * 1000, max: this.flags['max-sessions']}
    const server = await startMcpServer({...service, auth, host, port, sessions, token})
    announce(server, {
      json: this.jsonEnabled(),
      tokenGiven: this.flags.token !== undefined || this.flags['token-file'] !== undefined,
      what: `duo serve mcp: ${served} at`,
    })
    await serveUntilSignal(() => server.close())
  }
}
