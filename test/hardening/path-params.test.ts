// Class 2 of issue 13: an id that would change the path once normalized (`..`, `.`, empty, `%2e%2e`
// through REST) is refused by every surface before anything is sent; the recording proxy in front
// of the sandbox shows the wire.
import {Client} from '@modelcontextprotocol/sdk/client/index.js'
import {StreamableHTTPClientTransport} from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type {CallToolResult} from '@modelcontextprotocol/sdk/types.js'
import {expect} from 'chai'

import {UsageError} from '../../src/core/errors.js'
import {prepareCall} from '../../src/core/invoke.js'
import {getOperation} from '../../src/core/catalog/index.js'
import {parseRawCall} from '../../src/tasks/raw-call.js'
import {startMcpServer} from '../../src/serve/mcp.js'
import {startRestServer} from '../../src/serve/rest.js'
import type {RunningSandbox} from '../../src/sandbox/server.js'
import {runCli} from '../helpers/cli.js'
import {rawRequest} from '../sandbox/helpers.js'
import {recordingSuite} from './recorder.js'

const quiet = {close() {}, record() {}}

describe('hardening: path parameters that would change the path are refused before sending (issue 13, class 2)', () => {
  const suite = recordingSuite()

  it('prepareCall refuses empty, blank, "." and ".." ids and keeps other odd ids one encoded segment', () => {
    for (const bad of ['', '   ', '.', '..']) {
      expect(() => prepareCall(getOperation('deleteuser'), {user_id: bad}), JSON.stringify(bad)).to.throw(UsageError, /user_id/)
    }

    for (const [odd, path] of [['...', '/admin/v1/users/...'], ['../groups', '/admin/v1/users/..%2Fgroups'], ['%2e%2e', '/admin/v1/users/%252e%252e'], ['a\\b', '/admin/v1/users/a%5Cb']]) {
      expect(prepareCall(getOperation('deleteuser'), {user_id: odd}).path).to.equal(path)
    }
  })

  for (const args of [
    ['users', 'phones', 'remove', 'alice', '..', '--yes'],
    ['users', 'phones', 'remove', 'alice', '.', '--yes'],
    ['users', 'tokens', 'remove', 'alice', '..', '--yes'],
    ['users', 'groups', 'remove', '..', 'Engineering', '--yes'],
    ['users', 'delete', '..', '--yes'],
  ]) {
    it(`duo ${args.join(' ')}: exit 2, nothing sent`, async () => {
      const result = await runCli(args, {env: suite.recorder.env})
      expect(result.code, result.stderr).to.equal(2)
      expect(result.stderr).to.match(/cannot be "\.\.?"/)
      expect(suite.recorder.seen).to.deep.equal([])
    })
  }

  for (const path of ['//evil.example.com/admin/v1/users', 'https://evil.example.com/admin/v1/users', '/admin/v1/users/../groups', '/admin/v1/users/%2e%2e/groups', '/admin//v1/users', '/auth/v2/check', 'admin/v1/users']) {
    it(`duo api GET ${path}: exit 2, nothing sent`, async () => {
      expect(() => parseRawCall('GET', path, [], [])).to.throw(UsageError)
      const result = await runCli(['api', 'GET', path], {env: suite.recorder.env})
      expect(result.code, result.stderr).to.equal(2)
      expect(suite.recorder.seen).to.deep.equal([])
    })
  }

  it('duo api GET /admin/v1/users?limit=1 still goes through as given', async () => {
    const result = await runCli(['api', 'GET', '/admin/v1/users?limit=1'], {env: suite.recorder.env})
    expect(result.code, result.stderr).to.equal(0)
    expect(suite.recorder.seen).to.have.length(1)
    expect(suite.recorder.seen[0]).to.match(/^GET \/admin\/v1\/users\?limit=1/)
  })

  it('serve mcp: deleteuser {"user_id": ".."} is an isError result, nothing sent', async () => {
    const server = await startMcpServer({auditLog: quiet, client: suite.client, port: 0, tools: ['deleteuser']})
    const agent = new Client({name: 'hardening-test', version: '1.0.0'})
    try {
      await agent.connect(new StreamableHTTPClientTransport(new URL(server.url), {requestInit: {headers: {Authorization: `Bearer ${server.token}`}}}))
      for (const id of ['..', '.', '']) {
        const result = (await agent.callTool({arguments: {confirm: true, user_id: id}, name: 'deleteuser'})) as CallToolResult
        expect(result.isError, id).to.equal(true)
        expect(JSON.stringify(result.content)).to.match(/user_id/)
      }
    } finally {
      await agent.close()
      await server.close()
    }

    expect(suite.recorder.seen).to.deep.equal([])
  })

  it('serve rest: %2e%2e, %2E%2E and . ids answer 400, nothing travels upstream', async () => {
    const server = await startRestServer({auditLog: quiet, client: suite.client, port: 0})
    const port = Number(new URL(server.url).port)
    try {
      for (const target of ['/admin/v1/users/%2e%2e', '/admin/v1/users/%2E%2E', '/admin/v1/users/.', '/admin/v1/users/DU123/phones/%2e%2e']) {
        const answer = await rawRequest({port} as RunningSandbox, {headers: {Authorization: `Bearer ${server.token}`}, method: 'DELETE', target})
        expect(answer.status, target).to.equal(400)
      }
    } finally {
      await server.close()
    }

    expect(suite.recorder.seen).to.deep.equal([])
  })
})
