// The public MCP conformance suite (@modelcontextprotocol/conformance 0.1.13) against the built
// `duo serve mcp --no-auth --sandbox`, through scripts/mcp-conformance.sh, which the README names.
//
// The scenarios that need no fixtures of the reference server, for the capabilities this server
// declares (tools, prompts, resources, logging, completions), and run here:
//   server-initialize, ping, tools-list, dns-rebinding-protection, prompts-list, resources-list,
//   logging-set-level, completion-complete
// The active suite's other scenarios call the reference server's fixtures by name, so they do not apply:
//   - tools-call-simple-text, -image, -audio, -embedded-resource, -mixed-content, -with-logging,
//     -error, -with-progress, -sampling, -elicitation, elicitation-sep1034-defaults,
//     elicitation-sep1330-enums: they call fixture tools (test_simple_text, test_elicitation …); a
//     Duo server has only the catalog's tools. What they check is tested on Duo's own tools in
//     mcp.test.ts and mcp-agents.test.ts (isError results, elicitation accept/decline/cancel).
//   - resources-read-text, -read-binary, -templates-read, -subscribe, -unsubscribe: fixture resources
//     (test://static-text …); the user card template is read in mcp-agents.test.ts.
//   - prompts-get-simple, -with-args, -embedded-resource, -with-image: fixture prompts
//     (test_simple_prompt …); review-user is fetched in mcp-agents.test.ts.
//   - server-sse-polling, server-sse-multiple-streams: they call the fixture tool test_reconnection.
import {expect} from 'chai'
import {spawn} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const SCRIPT = fileURLToPath(new URL('../../scripts/mcp-conformance.sh', import.meta.url))
const APPLICABLE = [
  'server-initialize',
  'ping',
  'tools-list',
  'dns-rebinding-protection',
  'prompts-list',
  'resources-list',
  'logging-set-level',
  'completion-complete',
]

describe('duo serve mcp: the MCP conformance suite', function () {
  // Eight conformance CLI processes plus the server, on a loaded CI machine.
  this.timeout(150_000)

  it('passes every scenario that needs no fixtures, for the capabilities declared', async () => {
    const {code, output} = await new Promise<{code: null | number; output: string}>((resolve, reject) => {
      const child = spawn('bash', [SCRIPT, ...APPLICABLE], {env: {HOME: process.env.HOME, NO_COLOR: '1', PATH: process.env.PATH}})
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      child.on('error', reject)
      child.on('close', (exit) => resolve({code: exit, output}))
    })
    const verdicts = output.split('\n').filter((line) => /^(passed|FAILED): /.test(line))
    expect(verdicts, output).to.deep.equal(APPLICABLE.map((name) => `passed: ${name}`))
    expect(code, output).to.equal(0)
  })
})
