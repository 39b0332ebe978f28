// The public MCP conformance suite (@modelcontextprotocol/conformance 0.1.13) against the built
// `duo serve mcp --no-auth --sandbox`, through scripts/mcp-conformance.sh, which the README names.
//
// The scenarios that apply to a tools-only server, and run here:
//   server-initialize, ping, tools-list, dns-rebinding-protection
// The active suite's other scenarios do not apply:
//   - logging-set-level: the server declares no logging capability (its log is the audit trail on stderr).
//   - completion-complete: completions are for prompt and resource-template arguments; there are neither.
//   - tools-call-simple-text, -image, -audio, -embedded-resource, -mixed-content, -with-logging,
//     -error, -with-progress: they call the reference server's fixture tools (test_simple_text,
//     test_error_handling …); a Duo server has only the catalog's tools. What tools-call-error checks
//     (a failure as an isError result with text) is tested on getuser in mcp.test.ts.
//   - tools-call-sampling, tools-call-elicitation, elicitation-sep1034-defaults,
//     elicitation-sep1330-enums: the server never sends requests to the client (confirmation is the
//     `confirm` argument; stateless HTTP could not carry a mid-call request anyway).
//   - server-sse-multiple-streams: it needs a session id; this server is stateless and answers JSON,
//     so the suite only warns ("did not provide session ID") and checks nothing.
//   - resources-*, prompts-*: the server offers tools only.
import {expect} from 'chai'
import {spawn} from 'node:child_process'
import {fileURLToPath} from 'node:url'

const SCRIPT = fileURLToPath(new URL('../../scripts/mcp-conformance.sh', import.meta.url))
const APPLICABLE = ['server-initialize', 'ping', 'tools-list', 'dns-rebinding-protection']

describe('duo serve mcp: the MCP conformance suite', function () {
  // Four conformance CLI processes plus the server, on a loaded CI machine.
  this.timeout(90_000)

  it('passes every scenario that applies to a tools-only server', async () => {
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
