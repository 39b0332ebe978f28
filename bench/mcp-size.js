// What `duo serve mcp` costs an agent's context: the size of tools/list (the default 32 tools, and
// --toolsets all, and the opening list of --dynamic-toolsets) and of one 100-user listusers result (compact rows, the default, and full: true),
// as the JSON the client receives, measured through the SDK client against the sandbox (100
// generated users). Baselines: for tools/list, the figure measured before toolsets, output schemas and
// compact rows (34.5 KB for the 32 tools; that code is gone); for the page, what the server returned
// then, measured in the same run: Duo's envelope without stat, as JSON ({response, metadata}).
//
// Run: npm run build && node bench/mcp-size.js
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StreamableHTTPClientTransport} from '@modelcontextprotocol/sdk/client/streamableHttp.js'

import {startSandbox} from '../dist/sandbox/server.js'
import {startMcpServer} from '../dist/serve/mcp.js'
import {DuoClient} from '../dist/transport/client.js'

const BEFORE_TOOLS_LIST = 34.5 * 1024

export async function runMcpSizeBench() {
  const sandbox = await startSandbox({users: 100})
  const duo = new DuoClient({credentials: {host: sandbox.url, ikey: sandbox.ikey, skey: sandbox.skey}})
  const silent = {close() {}, record() {}}
  const measure = async (options, work) => {
    const server = await startMcpServer({auditLog: silent, client: duo, port: 0, ...options})
    const client = new Client({name: 'bench', version: '1'})
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url), {requestInit: {headers: {Authorization: `Bearer ${server.token}`}}}))
    try {
      return await work(client)
    } finally {
      await client.close()
      await server.close()
    }
  }

  const listSize = (client) => client.listTools().then((r) => JSON.stringify(r).length)
  // What the model reads: the text content (the structured copy is the same data).
  const pageSize = (client, args) => client.callTool({arguments: {limit: 100, ...args}, name: 'listusers'}).then((r) => r.content[0].text.length)
  try {
    const page = await duo.request('GET', '/admin/v1/users', {limit: '100'})
    const result = {
      envelope: JSON.stringify({response: page.response, metadata: page.metadata}).length,
      toolsDefault: await measure({}, listSize),
      toolsAll: await measure({toolsets: ['all']}, listSize),
      toolsDynamic: await measure({dynamic: true}, listSize),
      usersCompact: await measure({}, (c) => pageSize(c, {})),
      usersFull: await measure({}, (c) => pageSize(c, {full: true})),
    }
    return result
  } finally {
    duo.close()
    await sandbox.close()
  }
}

export function mcpSizeRows(result) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`
  const chars = (n) => `${n.toLocaleString('en-US')} chars`
  const ratio = (a, b) => Math.round((a / b) * 100) / 100
  const tools = BEFORE_TOOLS_LIST
  return [
    {name: 'serve mcp: tools/list, default 32 tools', baseline: kb(tools), measured: kb(result.toolsDefault), ratio: ratio(result.toolsDefault, tools), target: 'reported', ok: true},
    {name: 'serve mcp: tools/list, --toolsets all', baseline: kb(tools), measured: kb(result.toolsAll), ratio: ratio(result.toolsAll, tools), target: 'reported', ok: true},
    {name: 'serve mcp: tools/list, --dynamic-toolsets', baseline: kb(tools), measured: kb(result.toolsDynamic), ratio: ratio(result.toolsDynamic, tools), target: 'reported', ok: true},
    {
      name: 'serve mcp: listusers, 100 users (compact)',
      baseline: chars(result.envelope),
      measured: chars(result.usersCompact),
      ratio: ratio(result.usersCompact, result.envelope),
      target: '≤ 0.5×',
      ok: result.usersCompact <= result.envelope / 2,
    },
    {name: 'serve mcp: listusers, 100 users (full: true)', baseline: chars(result.envelope), measured: chars(result.usersFull), ratio: ratio(result.usersFull, result.envelope), target: 'reported', ok: true},
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(mcpSizeRows(await runMcpSizeBench()))
}
