// Class 6 of issue 13: everything is checked before the first write. duo bulk checks each entry as
// the call it stands for and refuses repeats; imports refuse bad CSV (with file and line), control
// characters and malformed e-mail addresses; the same checks hold for REST and MCP; a BOM is read
// alike by bulk and import; enroll takes --valid-secs 0 (never expires).
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StreamableHTTPClientTransport} from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js'
import {expect} from 'chai'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {startMcpServer} from '../../src/serve/mcp.js'
import {startRestServer} from '../../src/serve/rest.js'
import type {RunningSandbox} from '../../src/sandbox/server.js'
import {runCli} from '../helpers/cli.js'
import {rawRequest} from '../sandbox/helpers.js'
import {recordingSuite} from './recorder.js'

const quiet = {close() {}, record() {}}

describe('hardening: everything is checked before the first write (issue 13, class 6)', function () {
  this.timeout(60_000)
  const dir = mkdtempSync(join(tmpdir(), 'duo-hardening-checked-'))
  let written = 0
  const fileWith = (content: Buffer | string, extension = 'json') => {
    const path = join(dir, `f${++written}.${extension}`)
    writeFileSync(path, content)
    return path
  }

  const suite = recordingSuite()
  after(() => {
    rmSync(dir, {force: true, recursive: true})
  })
  const run = (args: string[]) => runCli(args, {env: suite.recorder.env})
  const writes = () => suite.recorder.seen.filter((line) => !line.startsWith('GET '))

  describe('duo bulk', () => {
    const create = (username: string, extra = {}) => ({body: {username, ...extra}, method: 'POST', path: '/admin/v1/users'})
    for (const [what, entry, message] of [
      ['a repeated create (case-insensitive)', create('DupUser'), 'operation 3 (POST /admin/v1/users) repeats operation 2'],
      ['a GET', {method: 'GET', path: '/admin/v1/users'}, 'operation 3 (GET /admin/v1/users) cannot run in bulk'],
      ['an unknown path', {method: 'POST', path: '/admin/v1/nothing'}, 'operation 3 (POST /admin/v1/nothing) is not an Admin API path'],
      ['a ../ path', {method: 'DELETE', path: '/admin/v1/users/../groups'}, 'its path must not contain "." or ".." segments'],
      ['an unknown body key', create('newbie', {colour: 'red'}), 'colour unknown parameter for createuser'],
      ['an invalid status', create('newbie', {status: 'asleep'}), 'status must be one of active, bypass, disabled'],
      ['a bad e-mail', create('newbie', {email: 'not-an-address'}), 'email must be an e-mail address'],
      ['a NUL in a value', create('newbie', {realname: 'A\u0000B'}), 'realname must not contain control characters (found U+0000)'],
      ['a user id of ..', {method: 'DELETE', path: '/admin/v1/users/..'}, 'must not contain "." or ".." segments'],
      ['a repeated delete', {method: 'DELETE', path: '/admin/v1/users/DUAAAAAAAAAAAAAAAAAA'}, 'repeats operation 1'],
    ] as Array<[string, Record<string, unknown>, string]>) {
      it(`refuses ${what} with exit 2 and sends nothing`, async () => {
        const file = fileWith(JSON.stringify([{method: 'DELETE', path: '/admin/v1/users/DUAAAAAAAAAAAAAAAAAA'}, create('dupuser'), entry]))
        const result = await run(['bulk', file, '--yes'])
        expect(result.code, result.stderr).to.equal(2)
        expect(result.stderr).to.contain(message)
        expect(suite.recorder.seen).to.deep.equal([])
      })
    }

    it('reports every bad entry of a 120-entry file at once, before the first of its three calls', async () => {
      const entries = Array.from({length: 120}, (_, i) => create(`many${i}`))
      entries[110] = create('many3')
      const result = await run(['bulk', fileWith(JSON.stringify(entries)), '--yes'])
      expect(result.code).to.equal(2)
      expect(result.stderr).to.contain('operation 111 (POST /admin/v1/users) repeats operation 4')
      expect(suite.recorder.seen).to.deep.equal([])
    })

    it('reads a file with a byte-order mark, as users import does', async () => {
      const bom = fileWith('\uFEFF' + JSON.stringify([create('bom-bulk')]))
      const result = await run(['bulk', bom, '--dry-run'])
      expect(result.code, result.stderr).to.equal(0)
      const csv = fileWith('\uFEFFusername\nbom-import\n', 'csv')
      const imported = await run(['users', 'import', csv, '--dry-run'])
      expect(imported.code, imported.stderr).to.equal(0)
    })

    it('a good file still runs', async () => {
      const result = await run(['bulk', fileWith(JSON.stringify([create('good-bulk', {email: 'good@example.com'})])), '--yes', '--json'])
      expect(result.code, result.stderr).to.equal(0)
      expect(writes()).to.deep.equal(['POST /admin/v1/bulk'])
    })
  })

  describe('duo users import', () => {
    for (const [what, content, message] of [
      ['a bad quote', 'username,realname\nann,Ann\nbob,"Bo"b"\n', ': line 3: not valid CSV (Invalid Closing Quote'],
      ['an unclosed quote', 'username,realname\nann,"Ann\n', ': line 2: not valid CSV (Quote Not Closed'],
      ['binary content', Buffer.concat([Buffer.from('username\n'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x0a])]), 'line 2: username must not contain control characters (found U+0000)'],
      ['an escape sequence in a name', 'username,realname\nann,"\u001b]0;pwned\u0007"\n', 'line 2: realname must not contain control characters (found U+001B)'],
      ['a malformed e-mail', 'username,email\nann,ann@\nbob,bob example.com\n', 'line 2: email must be an e-mail address'],
    ] as Array<[string, Buffer | string, string]>) {
      it(`refuses ${what}: exit 2 with the file and line, nothing sent`, async () => {
        const path = fileWith(content, 'csv')
        const result = await run(['users', 'import', path])
        expect(result.code, result.stderr).to.equal(2)
        expect(result.stderr).to.contain(path).and.contain(message)
        // The error is one readable block: no raw control bytes reach the terminal.
        expect([...result.stderr].some((c) => c.charCodeAt(0) < 0x09 || c.charCodeAt(0) === 0x1b)).to.equal(false)
        expect(suite.recorder.seen).to.deep.equal([])
      })
    }
  })

  describe('limits where a value enters', () => {
    it('CLI: users create --email without @ is exit 2, nothing sent', async () => {
      const result = await run(['users', 'create', '--username', 'mailless', '--email', 'mailless.example.com'])
      expect(result.code).to.equal(2)
      expect(result.stderr).to.contain('email must be an e-mail address')
      expect(suite.recorder.seen).to.deep.equal([])
    })

    it('REST: a bad e-mail or a NUL in a field is 400, nothing upstream', async () => {
      const server = await startRestServer({auditLog: quiet, client: suite.client, port: 0})
      const port = Number(new URL(server.url).port)
      try {
        for (const body of [{email: 'x@', username: 'restbad'}, {realname: 'a\u0000b', username: 'restbad'}]) {
          const answer = await rawRequest({port} as RunningSandbox, {
            body: JSON.stringify(body),
            headers: {Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json'},
            method: 'POST',
            target: '/admin/v1/users',
          })
          expect(answer.status, JSON.stringify(body)).to.equal(400)
        }
      } finally {
        await server.close()
      }

      expect(suite.recorder.seen).to.deep.equal([])
    })

    it('MCP: createuser with a bad e-mail is an isError result, nothing sent', async () => {
      const server = await startMcpServer({auditLog: quiet, client: suite.client, port: 0, tools: ['createuser']})
      const agent = new Client({name: 'hardening-test', version: '1.0.0'})
      try {
        await agent.connect(new StreamableHTTPClientTransport(new URL(server.url), {requestInit: {headers: {Authorization: `Bearer ${server.token}`}}}))
        const result = (await agent.callTool({arguments: {email: 'nobody', username: 'mcpbad'}, name: 'createuser'})) as CallToolResult
        expect(result.isError).to.equal(true)
        expect(JSON.stringify(result.content)).to.contain('email must be an e-mail address')
      } finally {
        await agent.close()
        await server.close()
      }

      expect(suite.recorder.seen).to.deep.equal([])
    })

    it('users enroll --valid-secs 0 (never expires) is accepted and sent', async () => {
      const result = await run(['users', 'enroll', '--username', 'forever', '--email', 'forever@example.com', '--valid-secs', '0', '--yes'])
      expect(result.code, result.stderr).to.equal(0)
      expect(writes()).to.deep.equal(['POST /admin/v1/users/enroll'])
      const negative = await run(['users', 'enroll', '--username', 'never', '--email', 'never@example.com', '--valid-secs', '-1', '--yes'])
      expect(negative.code).to.equal(2)
    })
  })
})
