// `duo serve rest` over real HTTP on 127.0.0.1: the adapter in front of one sandbox must answer every
// catalog route exactly as a directly signed call answers from an identical second sandbox; its
// security checks, its OpenAPI document, its audit log and its shutdown are tested here too.
import {Ajv2020} from 'ajv/dist/2020.js'
import {expect} from 'chai'
import {spawn} from 'node:child_process'
import {once} from 'node:events'
import {mkdtempSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createInterface} from 'node:readline'

import {DuoClient} from '../../src/transport/client.js'
import {UsageError} from '../../src/core/errors.js'
import {fillPath, prepareCall} from '../../src/core/invoke.js'
import {type OperationName, findOperation, getOperation, operations} from '../../src/core/catalog/index.js'
import {type CanonicalParams, canonicalizeParams, formatDuoDate, signRequest} from '../../src/core/signing.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {type AuditEntry, type AuditLog, openAuditLog} from '../../src/serve/audit.js'
import {resolveToken} from '../../src/serve/http-guard.js'
import {type RestServerOptions, type RunningRestServer, startRestServer} from '../../src/serve/rest.js'
import {BIN, runCli, tempConfigDir} from '../helpers/cli.js'
import {type RawRequest, type RawResponse, rawRequest} from '../sandbox/helpers.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Duo's JSON, read field by field in assertions
type Any = any
type Via = 'form' | 'json' | 'query'

/** An audit log kept in memory, so tests can read what was recorded. */
function memoryAudit(): AuditLog & {entries: AuditEntry[]} {
  const entries: AuditEntry[] = []
  return {close() {}, entries, record: (entry) => void entries.push(entry)}
}

interface Adapter {
  server: RunningRestServer
  sandbox: RunningSandbox
  client: DuoClient
  audit: ReturnType<typeof memoryAudit>
  /** Any raw request to the adapter (rawRequest only needs the port). */
  raw(spec: RawRequest): Promise<RawResponse>
  /** A request with the bearer token. */
  authed(method: string, target: string, headers?: Record<string, string>, body?: string): Promise<RawResponse>
  stop(): Promise<void>
}

async function startAdapter(options: Partial<RestServerOptions> = {}, sandboxOptions = {}): Promise<Adapter> {
  const sandbox = await startSandbox({pushDelayMs: 0, ...sandboxOptions})
  // No retries: each answer is what the sandbox said.
  const client = new DuoClient({credentials: {host: sandbox.url, ikey: sandbox.ikey, skey: sandbox.skey}, maxAttempts: 1})
  const audit = memoryAudit()
  const server = await startRestServer({auditLog: audit, client, port: 0, ...options})
  const port = Number(new URL(server.url).port)
  const raw = (spec: RawRequest) => rawRequest({port} as RunningSandbox, spec)
  return {
    audit,
    authed: (method, target, headers = {}, body) => raw({body, headers: {Authorization: `Bearer ${server.token}`, ...headers}, method, target}),
    client,
    raw,
    sandbox,
    server,
    async stop() {
      await server.close()
      client.close()
      await sandbox.close()
    },
  }
}

/** The call a Duo client makes: signed (v5) with the sandbox's keys, parameters as prepareCall leaves them. */
function signedDirect(sandbox: RunningSandbox, operationName: OperationName, input: Record<string, unknown>): Promise<RawResponse> {
  const call = prepareCall(getOperation(operationName), input)
  const {method} = call.operation
  const date = formatDuoDate(new Date())
  const query = method === 'POST' ? {} : (call.params as CanonicalParams)
  const body = method === 'POST' ? JSON.stringify(call.params) : ''
  const authorization = signRequest(
    {digest: 'sha512', ikey: sandbox.ikey, skey: sandbox.skey, version: 5},
    {body, date, host: '127.0.0.1', method, params: query, path: call.path},
  )
  const search = canonicalizeParams(query)
  return rawRequest(sandbox, {
    body: body || undefined,
    headers: {Authorization: authorization, Date: date, ...(body ? {'Content-Type': 'application/json'} : {})},
    method,
    target: call.path + (search ? `?${search}` : ''),
  })
}

/** The same input as a REST caller sends it: ids in the path, the rest in the query, a JSON or a form body. */
function restRequest(operationName: OperationName, input: Record<string, unknown>, via: Via): RawRequest {
  const operation = getOperation(operationName)
  const pathNames = new Set(operation.pathParams.map((p) => p.name))
  const path = fillPath(operation.path, input as Record<string, string>)
  const rest = Object.entries(input).filter(([name]) => !pathNames.has(name))
  if (via === 'json') return {body: JSON.stringify(Object.fromEntries(rest)), headers: {'Content-Type': 'application/json'}, method: operation.method, target: path}
  const encoded = new URLSearchParams()
  for (const [name, value] of rest) {
    // Lists go as repeated keys in a query string, and as one JSON string in a form.
    if (Array.isArray(value) && via === 'query') for (const item of value) encoded.append(name, String(item))
    else encoded.append(name, typeof value === 'string' ? value : JSON.stringify(value))
  }

  if (via === 'query') return {method: operation.method, target: encoded.size > 0 ? `${path}?${encoded}` : path}
  return {body: encoded.toString(), headers: {'Content-Type': 'application/x-www-form-urlencoded'}, method: operation.method, target: path}
}

/** What each sandbox makes up on its own: object ids, push ids, bypass and confirmation codes. */
// A loopback URL is a created child account's api_hostname: each sandbox binds its own port.
const GENERATED = /^(D[A-Z][A-Z0-9]{18}|\d{6}|\d{9}|[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}|http:\/\/127\.0\.0\.1:\d+)$/
/** Timestamps taken from each sandbox's clock, a few milliseconds apart. */
const CLOCK_FIELDS = new Set(['created', 'expiration', 'last_directory_sync'])

/**
 * Deep equality, except that values the two sandboxes generate independently may differ: such a
 * pair is recorded in `map` (direct value → adapter value) and must then correspond everywhere, so
 * it is the same object on both sides. Clock fields may differ by up to 2 s.
 */
function expectSameModuloGenerated(direct: unknown, adapter: unknown, map: Map<string, string>, at = '$'): void {
  if (typeof direct === 'string' && typeof adapter === 'string' && direct !== adapter) {
    const known = map.get(direct)
    if (known !== undefined) {
      expect(adapter, at).to.equal(known)
      return
    }

    expect(GENERATED.test(direct) && GENERATED.test(adapter), `${at}: "${direct}" vs "${adapter}"`).to.equal(true)
    map.set(direct, adapter)
  } else if (typeof direct === 'number' && typeof adapter === 'number' && CLOCK_FIELDS.has(at.split('.').at(-1)!)) {
    expect(Math.abs(direct - adapter), at).to.be.at.most(2)
  } else if (Array.isArray(direct) && Array.isArray(adapter)) {
    expect(adapter.length, `${at}.length`).to.equal(direct.length)
    for (const [i, item] of direct.entries()) expectSameModuloGenerated(item, adapter[i], map, `${at}[${i}]`)
  } else if (typeof direct === 'object' && direct !== null && typeof adapter === 'object' && adapter !== null) {
    expect(Object.keys(adapter).sort(), `${at} keys`).to.deep.equal(Object.keys(direct).sort())
    for (const [key, value] of Object.entries(direct)) expectSameModuloGenerated(value, (adapter as Any)[key], map, `${at}.${key}`)
  } else {
    expect(adapter, at).to.deep.equal(direct)
  }
}

/** Direct-side values in an input, rewritten to the adapter side's (also inside strings such as bulk paths). */
function translate(value: unknown, map: Map<string, string>): unknown {
  if (typeof value === 'string') return [...map].reduce((text, [from, to]) => text.split(from).join(to), value)
  if (Array.isArray(value)) return value.map((item) => translate(item, map))
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translate(v, map)]))
  return value
}

describe('duo serve rest: every route, as Duo answers it', () => {
  let adapter: Adapter
  let direct: RunningSandbox
  const map = new Map<string, string>()
  const covered = new Set<string>()
  const ajv = new Ajv2020({strict: false})
  let document: Any

  before(async () => {
    adapter = await startAdapter()
    // Seeded from the same fixed PRNG seed as the adapter's sandbox: the same users, groups and ids.
    direct = await startSandbox({pushDelayMs: 0})
    document = (await adapter.authed('GET', '/openapi.json')).body
  })
  after(async () => {
    await adapter.stop()
    await direct.close()
  })

  /**
   * One call both ways; `input` is in direct-side terms (ids the direct sandbox returned). Returns
   * the direct answer's body so later steps can pick ids from it.
   */
  async function both(operationName: OperationName, input: Record<string, unknown>, via: Via, status = 200): Promise<Any> {
    covered.add(operationName)
    const fromDuo = await signedDirect(direct, operationName, input)
    const adapterInput = translate(input, map) as Record<string, unknown>
    const request = restRequest(operationName, adapterInput, via)
    if (via === 'json') {
      // The body a caller sends must be one the OpenAPI document's schema accepts.
      const operation = getOperation(operationName)
      const schema = document.paths[operation.path][operation.method.toLowerCase()].requestBody.content['application/json'].schema
      expect(ajv.validate(schema, JSON.parse(request.body!)), ajv.errorsText()).to.equal(true)
    }

    const fromAdapter = await adapter.authed(request.method, request.target, request.headers, request.body)
    expect(fromDuo.status, `${operationName} direct: ${JSON.stringify(fromDuo.body)}`).to.equal(status)
    expect(fromAdapter.status, `${operationName}: ${JSON.stringify(fromAdapter.body)}`).to.equal(fromDuo.status)
    expectSameModuloGenerated(fromDuo.body, fromAdapter.body, map)
    return fromDuo.body
  }

  it('answers every catalog operation with the same status and body as a signed call', async () => {
    const users = (await both('listusers', {}, 'query')).response
    const id = (username: string) => users.find((u: Any) => u.username === username).user_id as string
    await both('listusers', {limit: 3, offset: 2}, 'query')
    await both('listusers', {username: 'asmith'}, 'query')
    await both('listusers', {user_id_list: [id('carol'), id('alice')]}, 'query')

    const newbie = (await both('createuser', {aliases: 'alias1=nb', realname: 'New Bie', status: 'bypass', username: 'newbie'}, 'json')).response
    await both('createuser', {username: 'NEWBIE'}, 'form', 400)
    await both('getuser', {user_id: newbie.user_id}, 'query')
    await both('getuser', {user_id: 'DUNOSUCHUSER000000000'}, 'query', 404)
    await both('updateuser', {notes: 'changed', status: 'disabled', user_id: newbie.user_id}, 'form')
    await both('deleteuser', {user_id: newbie.user_id}, 'query')
    await both('enrolluser', {email: 'enrollee@example.com', username: 'enrollee'}, 'json')

    const bulk = (await both('bulkcreateusers', {users: [{username: 'bulk1'}, {status: 'disabled', username: 'bulk2'}]}, 'json')).response
    await both('bulkcreateusers', {users: [{username: 'bulk3'}, {username: 'bob'}]}, 'json', 400)
    await both('bulksenduserstotrash', {user_id_list: bulk.map((u: Any) => u.user_id)}, 'json')
    await both('bulkrestoreusers', {user_id_list: [bulk[0].user_id]}, 'form')

    await both('listuserbypasscodes', {user_id: id('erin')}, 'query')
    await both('createuserbypasscodes', {count: 3, user_id: id('erin'), valid_secs: 3600}, 'json')
    await both('createuserbypasscodes', {codes: '123456789', preserve_existing: true, user_id: id('erin')}, 'form')

    const carolGroups = (await both('listusergroups', {user_id: id('carol')}, 'query')).response
    const helpdesk = carolGroups.find((g: Any) => g.name === 'Helpdesk').group_id
    await both('associateusergroup', {group_id: helpdesk, user_id: id('bob')}, 'form')
    await both('associateusergroup', {group_id: 'DGNOSUCHGROUP00000000', user_id: id('bob')}, 'json', 400)
    await both('disassociateusergroup', {group_id: helpdesk, user_id: id('bob')}, 'query')

    const phone = users.find((u: Any) => u.username === 'alice').phones[0].phone_id
    await both('listuserphones', {user_id: id('bob')}, 'query')
    await both('associateuserphone', {phone_id: phone, user_id: id('heidi')}, 'json')
    await both('disassociateuserphone', {phone_id: phone, user_id: id('heidi')}, 'query')

    const token = (await both('listusertokens', {user_id: id('dave')}, 'query')).response[0].token_id
    await both('associateusertoken', {token_id: token, user_id: id('heidi')}, 'form')
    await both('disassociateusertoken', {token_id: token, user_id: id('heidi')}, 'query')
    await both('listuserwebauthncredentials', {user_id: id('alice')}, 'query')
    await both('listuserdesktopauthenticators', {user_id: id('carol')}, 'query')

    const directory = (await both('listuserdirectorysyncs', {}, 'query')).response[0].directory_key
    await both('syncdirectoryuser', {directory_key: directory, username: 'synced.user'}, 'json')
    await both('syncdirectoryuser', {directory_key: 'nosuchdirectory', username: 'x'}, 'json', 404)

    const push = (await both('sendverificationpush', {phone_id: phone, user_id: id('alice')}, 'json')).response
    await both('getverificationpushresponse', {push_id: push.push_id, user_id: id('alice')}, 'query')

    const groups = (await both('listgroups', {}, 'query')).response
    await both('listgroups', {group_id_list: [groups[2].group_id]}, 'query')
    const qa = (await both('creategroup', {desc: 'Quality', name: 'QA'}, 'json')).response
    await both('updategroup', {group_id: qa.group_id, status: 'bypass'}, 'form')
    await both('getgroupv2', {group_id: qa.group_id}, 'query')
    await both('listgroupusersv2', {group_id: groups[0].group_id}, 'query')

    await both(
      'bulkoperations',
      {
        operations: [
          {body: {username: 'bulkop'}, method: 'POST', path: '/admin/v1/users'},
          {body: {username: 'alice'}, method: 'POST', path: '/admin/v1/users'},
          {body: {notes: 'via bulk'}, method: 'POST', path: `/admin/v1/users/${id('heidi')}`},
          {method: 'DELETE', path: `/admin/v1/users/${bulk[1].user_id}`},
        ],
      },
      'json',
    )
    // Devices account-wide, beyond the capability. Activation links are random, so the activation
    // routes are compared on a landline, which Duo refuses the same way on both sides.
    const phones = (await both('listphones', {limit: 2}, 'query')).response
    await both('listphones', {number: '+15550100005'}, 'query')
    const spare = (await both('createphone', {number: '+15551239999', platform: 'apple ios', type: 'mobile'}, 'json')).response
    await both('updatephone', {name: 'Spare', phone_id: spare.phone_id}, 'form')
    await both('getphone', {phone_id: phones[0].phone_id}, 'query')
    const landline = users.find((u: Any) => u.username === 'erin').phones[0].phone_id
    await both('createphoneactivationurl', {phone_id: landline}, 'json', 400)
    await both('sendphonesmsactivation', {phone_id: landline, valid_secs: 600}, 'form', 400)
    await both('sendphonesmsinstallation', {phone_id: landline}, 'json', 400)
    await both('sendphonesmspasscodes', {phone_id: spare.phone_id}, 'json')
    await both('deletephone', {phone_id: spare.phone_id}, 'query')
    await both('listtokens', {serial: '100003', type: 'h6'}, 'query')
    const hotpToken = (await both('createtoken', {secret: 'ab12', serial: 'REST-1', type: 'h6'}, 'json')).response
    await both('gettoken', {token_id: hotpToken.token_id}, 'query')
    await both('resynctoken', {code1: '111111', code2: '222222', code3: '333333', token_id: hotpToken.token_id}, 'form', 400)
    await both('deletetoken', {token_id: hotpToken.token_id}, 'query')
    const credential = (await both('listwebauthncredentials', {}, 'query')).response[0].webauthnkey
    await both('getwebauthncredential', {webauthnkey: credential}, 'query')
    await both('deletewebauthncredential', {webauthnkey: credential}, 'query')
    const u2f = (await both('listu2ftokens', {}, 'query')).response[0].registration_id
    await both('listuseru2ftokens', {user_id: id('bob')}, 'query')
    await both('getu2ftoken', {registration_id: u2f}, 'query')
    await both('deleteu2ftoken', {registration_id: u2f}, 'query')
    const dakey = (await both('listdesktopauthenticators', {}, 'query')).response[0].dakey
    await both('getdesktopauthenticator', {dakey}, 'query')
    await both('deletedesktopauthenticator', {dakey}, 'query')
    const bypassCode = (await both('listbypasscodes', {}, 'query')).response[0].bypass_code_id
    await both('getbypasscode', {bypass_code_id: bypassCode}, 'query')
    await both('deletebypasscode', {bypass_code_id: bypassCode}, 'query')

    // The account summary, beyond the capability.
    await both('getinfosummary', {}, 'query')

    // The Accounts API: the same children, each listed at its own sandbox's host.
    for (const [i, child] of direct.children.entries()) map.set(child.url, adapter.sandbox.children[i].url)
    await both('listaccounts', {}, 'json')
    const initech = (await both('createaccount', {name: 'Initech'}, 'form')).response
    await both('deleteaccount', {account_id: initech.account_id}, 'json')
    await both('deleteaccount', {account_id: 'DA0000000000000GONE0'}, 'form', 404)
    // Billing is a child's: the parent's own host refuses it, alike both ways.
    await both('getbillingedition', {}, 'query', 400)
    await both('gettelephonycredits', {}, 'query', 400)

    // The logs: the two sandboxes' histories are generated from different start times, so their
    // windows are compared where both are empty, plus a refused window.
    const longAgo = Date.now() - 170 * 86_400_000
    for (const name of ['listauthlogs', 'listtelephonylogs', 'listactivitylogs', 'listtrustmonitorevents'] as const) {
      await both(name, {maxtime: longAgo + 60_000, mintime: longAgo}, 'query')
    }

    await both('listauthlogs', {maxtime: longAgo, mintime: longAgo + 60_000}, 'query', 400)
    const future = Math.floor(Date.now() / 1000) + 3600
    for (const name of ['listadminlogs', 'listofflineenrollmentlogs', 'listtelephonylogsv1'] as const) await both(name, {mintime: future}, 'query')

    // Both sides end in the same state: every user, as listed, corresponds.
    await both('listusers', {}, 'query')
    expect([...covered].sort()).to.deep.equal(operations.map((o) => o.name).sort())
  })

  it('logged each write (and no read) with its path ids and status, never its parameters', () => {
    const writes = adapter.audit.entries
    expect(writes.every((entry) => !findOperation(entry.operation)!.hints.readOnly)).to.equal(true)
    expect(writes.map((e) => e.operation)).to.include.members(['createuser', 'deleteuser', 'bulkoperations'])
    expect(writes.find((e) => e.operation === 'createuser' && e.status === 400)).to.deep.equal({changed: {username: null}, operation: 'createuser', pathParams: {}, status: 400})
    const deleted = writes.find((e) => e.operation === 'deleteuser')!
    expect(deleted.status).to.equal(200)
    expect(deleted.pathParams).to.have.all.keys('user_id')
  })
})

describe('duo serve rest: refusals', () => {
  let adapter: Adapter
  before(async () => {
    adapter = await startAdapter()
  })
  after(() => adapter.stop())

  it('401 without a token and with a wrong one, as Duo-shaped FAIL bodies with a Bearer challenge', async () => {
    const missing = await adapter.raw({method: 'GET', target: '/admin/v1/users'})
    expect(missing.status).to.equal(401)
    expect(missing.body).to.include({code: 40_101, stat: 'FAIL'})
    expect(missing.headers['www-authenticate']).to.match(/^Bearer/)
    const wrong = await adapter.raw({headers: {Authorization: 'Bearer not-the-token-at-all'}, method: 'GET', target: '/admin/v1/users'})
    expect(wrong.status).to.equal(401)
    expect(wrong.body).to.include({code: 40_103, stat: 'FAIL'})
    const basic = await adapter.raw({headers: {Authorization: `Basic ${adapter.server.token}`}, method: 'GET', target: '/admin/v1/users'})
    expect(basic.status).to.equal(401)
  })

  it('403 under a foreign Host (DNS rebinding) or Origin, even with the token; no CORS headers ever', async () => {
    const rebinding = await adapter.authed('GET', '/admin/v1/users', {Host: 'evil.example'})
    expect(rebinding.status).to.equal(403)
    expect(rebinding.body).to.include({code: 40_301, stat: 'FAIL'})
    expect(rebinding.body.message_detail).to.contain('evil.example')
    const port = new URL(adapter.server.url).port
    expect((await adapter.authed('GET', '/admin/v1/users', {Host: `evil.example:${port}`})).status).to.equal(403)
    expect((await adapter.authed('GET', '/admin/v1/users', {Host: `127.0.0.1:${Number(port) + 1}`})).status).to.equal(403)
    expect((await adapter.raw({headers: {Host: 'evil.example'}, method: 'GET', target: '/healthz'})).status).to.equal(403)
    const foreign = await adapter.authed('GET', '/admin/v1/users', {Origin: 'https://evil.example'})
    expect(foreign.status).to.equal(403)
    expect(foreign.headers).to.not.have.property('access-control-allow-origin')
    const preflight = await adapter.raw({headers: {'Access-Control-Request-Method': 'POST', Origin: 'https://evil.example'}, method: 'OPTIONS', target: '/admin/v1/users'})
    expect(preflight.status).to.equal(403)
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).to.deep.equal([])
    // Our own names work, with or without a same-origin Origin.
    expect((await adapter.authed('GET', '/admin/v1/users', {Host: `localhost:${port}`, Origin: `http://localhost:${port}`})).status).to.equal(200)
  })

  it('413 for a 2 MiB body, declared or streamed; a body just under 1 MiB is served', async () => {
    const big = JSON.stringify({notes: 'x'.repeat(2 * 1024 * 1024)})
    const declared = await adapter.authed('POST', '/admin/v1/users', {'Content-Type': 'application/json'}, big)
    expect(declared.status).to.equal(413)
    expect(declared.body).to.include({code: 41_301, stat: 'FAIL'})
    const streamed = await adapter.authed('POST', '/admin/v1/users', {'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked'}, big)
    expect(streamed.status).to.equal(413)
    const justUnder = JSON.stringify({notes: 'x'.repeat(1024 * 1024 - 40), username: 'big.notes'})
    expect((await adapter.authed('POST', '/admin/v1/users', {'Content-Type': 'application/json'}, justUnder)).status).to.equal(200)
  })

  it('400 with a clear message for malformed JSON, a non-object body or bad parameters; 415 for other media types', async () => {
    const malformed = await adapter.authed('POST', '/admin/v1/users', {'Content-Type': 'application/json'}, '{"username": "x",')
    expect(malformed.status).to.equal(400)
    expect(malformed.body).to.include({code: 40_002, message: 'Invalid request parameters', stat: 'FAIL'})
    expect(malformed.body.message_detail).to.match(/^the body is not valid JSON \(/)
    const array = await adapter.authed('POST', '/admin/v1/users', {'Content-Type': 'application/json'}, '["x"]')
    expect(array.body.message_detail).to.equal('the JSON body must be an object of parameters')
    const invalid = await adapter.authed('GET', '/admin/v1/users?limit=abc&color=red')
    expect(invalid.status).to.equal(400)
    expect(invalid.body.message_detail).to.contain('limit must be a whole number').and.contain('color unknown parameter')
    const missing = await adapter.authed('POST', '/admin/v1/groups', {'Content-Type': 'application/json'}, '{}')
    expect(missing.body).to.include({code: 40_002, message_detail: 'Invalid input for creategroup: name is required.'})
    const text = await adapter.authed('POST', '/admin/v1/users', {'Content-Type': 'text/plain'}, 'username=x')
    expect(text.status).to.equal(415)
    expect(text.body).to.include({code: 41_501, stat: 'FAIL'})
  })

  it('404 for an unknown route and 405 (with Allow) for a wrong method, both Duo-shaped', async () => {
    const unknown = await adapter.authed('GET', '/admin/v1/nothing')
    expect(unknown.status).to.equal(404)
    expect(unknown.body).to.include({code: 40_401, stat: 'FAIL'})
    const wrongMethod = await adapter.authed('PUT', '/admin/v1/users')
    expect(wrongMethod.status).to.equal(405)
    expect(wrongMethod.body).to.include({code: 40_501, stat: 'FAIL'})
    expect(wrongMethod.headers.allow).to.equal('GET, POST')
    // A static segment is never read as an id, and an encoded slash stays inside one id.
    expect((await adapter.authed('GET', '/admin/v1/users/bulk_create')).status).to.equal(405)
    const sneaky = await adapter.authed('GET', '/admin/v1/users/..%2Fgroups')
    expect(sneaky.body).to.include({code: 40_401})
  })

  it('GET /healthz needs no token', async () => {
    const health = await adapter.raw({method: 'GET', target: '/healthz'})
    expect(health).to.deep.include({body: {response: {status: 'ok'}, stat: 'OK'}, status: 200})
  })
})

describe('duo serve rest: options', () => {
  it('--read-only answers 403 to writes (logged) and serves reads', async () => {
    const adapter = await startAdapter({readOnly: true})
    try {
      const write = await adapter.authed('POST', '/admin/v1/users', {'Content-Type': 'application/json'}, '{"username":"nope"}')
      expect(write.status).to.equal(403)
      expect(write.body).to.include({code: 40_301, stat: 'FAIL'})
      expect(write.body.message_detail).to.contain('read-only')
      expect((await adapter.authed('DELETE', '/admin/v1/users/DUNOSUCHUSER000000000')).status).to.equal(403)
      expect((await adapter.authed('GET', '/admin/v1/users?username=alice')).body.response[0].username).to.equal('alice')
      expect(adapter.audit.entries).to.deep.equal([
        {operation: 'createuser', pathParams: {}, status: 403},
        {operation: 'deleteuser', pathParams: {user_id: 'DUNOSUCHUSER000000000'}, status: 403},
      ])
      const document = (await adapter.authed('GET', '/openapi.json')).body
      const listed = Object.values(document.paths).flatMap((item: Any) => Object.values(item).map((op: Any) => op.operationId))
      expect(listed.sort()).to.deep.equal(operations.filter((o) => o.hints.readOnly).map((o) => o.name).sort())
    } finally {
      await adapter.stop()
    }
  })

  it('--no-auth: served without a token on loopback, refused on any other address', async () => {
    const adapter = await startAdapter({auth: false})
    try {
      expect(adapter.server.token).to.equal(undefined)
      expect((await adapter.raw({method: 'GET', target: '/admin/v1/users'})).status).to.equal(200)
      // The Host check stays on: it is what stops a rebinding page when there is no token.
      expect((await adapter.raw({headers: {Host: 'evil.example'}, method: 'GET', target: '/admin/v1/users'})).status).to.equal(403)
    } finally {
      await adapter.stop()
    }

    const client = new DuoClient({credentials: {host: 'http://127.0.0.1:1', ikey: 'DIXXXXXXXXXXXXXXXXXX', skey: 'x'}})
    try {
      await startRestServer({auth: false, client, host: '0.0.0.0', port: 0})
      expect.fail('--no-auth on 0.0.0.0 must be refused')
    } catch (error) {
      expect(error).to.be.instanceOf(UsageError)
      expect((error as Error).message).to.contain('--no-auth is refused on 0.0.0.0')
    } finally {
      client.close()
    }
  })

  it('a given token is required as given; a short one is refused', async () => {
    const adapter = await startAdapter({token: 'a-token-of-24-characters'})
    try {
      expect(adapter.server.token).to.equal('a-token-of-24-characters')
      expect((await adapter.raw({headers: {Authorization: 'Bearer a-token-of-24-characters'}, method: 'GET', target: '/admin/v1/groups'})).status).to.equal(200)
    } finally {
      await adapter.stop()
    }

    const client = new DuoClient({credentials: {host: 'http://127.0.0.1:1', ikey: 'DIXXXXXXXXXXXXXXXXXX', skey: 'x'}})
    await startRestServer({client, port: 0, token: 'short'}).then(
      () => expect.fail('a 5-character token must be refused'),
      (error) => expect(error).to.be.instanceOf(UsageError),
    )
    client.close()
  })

  it('--token-file: the file\'s token, trimmed; an unreadable file is a usage error', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duo-token-')), 'token')
    writeFileSync(file, 'from-a-file-0123456789\n', {mode: 0o600})
    expect(resolveToken({auth: true, tokenFile: file})).to.equal('from-a-file-0123456789')
    expect(() => resolveToken({auth: true, tokenFile: `${file}.missing`})).to.throw(UsageError, /Cannot read the token file .*ENOENT/)
    expect(resolveToken({auth: true})).to.match(/^[\w-]{43}$/)
    expect(resolveToken({auth: false, token: 'ignored-when-auth-is-off'})).to.equal(undefined)
  })

  it('--audit-log FILE: one JSON line per write, mode 0600, the fields set but no parameter values', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'duo-audit-')), 'audit.jsonl')
    const adapter = await startAdapter({auditLog: openAuditLog(file)})
    const alice = (await adapter.authed('GET', '/admin/v1/users?username=alice')).body.response[0]
    await adapter.authed('POST', `/admin/v1/users/${alice.user_id}/bypass_codes`, {'Content-Type': 'application/json'}, '{"codes":"111222333"}')
    await adapter.authed('POST', '/admin/v1/users', {'Content-Type': 'application/x-www-form-urlencoded'}, 'username=secret.person&email=secret%40example.com')
    await adapter.stop()
    expect(statSync(file).mode & 0o777).to.equal(0o600)
    const text = readFileSync(file, 'utf8')
    const lines = text.trim().split('\n').map((line) => JSON.parse(line))
    expect(lines.map((l) => [l.operation, l.pathParams, l.status])).to.deep.equal([
      ['createuserbypasscodes', {user_id: alice.user_id}, 200],
      ['createuser', {}, 200],
    ])
    for (const line of lines) expect(Object.keys(line)).to.deep.equal(['time', 'operation', 'pathParams', 'changed', 'status'])
    // The fields set are named; their values (codes, e-mail addresses) are not written.
    expect(lines.map((l) => l.changed)).to.deep.equal([{codes: null}, {email: null, username: null}])
    expect(new Date(lines[0].time).getTime()).to.be.closeTo(Date.now(), 10_000)
    expect(text).to.not.contain('111222333').and.not.contain('secret')
  })

  it('close(): requests in flight finish, new connections are refused', async () => {
    const adapter = await startAdapter({}, {latencyMs: 300})
    const inFlight = adapter.authed('GET', '/admin/v1/users?limit=1')
    await new Promise((resolve) => setTimeout(resolve, 100))
    const closed = adapter.server.close()
    const answer = await inFlight
    expect(answer.status).to.equal(200)
    expect(answer.body.response).to.have.length(1)
    await closed
    await adapter.authed('GET', '/healthz').then(
      () => expect.fail('the server should no longer accept connections'),
      (error) => expect(error.code).to.equal('ECONNREFUSED'),
    )
    adapter.client.close()
    await adapter.sandbox.close()
  })
})

describe('duo serve rest: GET /openapi.json', () => {
  let adapter: Adapter
  let document: Any
  before(async () => {
    adapter = await startAdapter()
    document = (await adapter.authed('GET', '/openapi.json')).body
  })
  after(() => adapter.stop())

  // A structural subset of the OpenAPI 3.1 schema (spec.openapis.org/oas/3.1/schema): the parts
  // this document uses, with the rules a client generator relies on.
  const oas31Subset = {
    $defs: {
      operation: {
        properties: {
          operationId: {type: 'string'},
          parameters: {items: {$ref: '#/$defs/parameter'}, type: 'array'},
          requestBody: {
            properties: {content: {additionalProperties: {properties: {schema: {type: 'object'}}, required: ['schema'], type: 'object'}, type: 'object'}},
            required: ['content'],
            type: 'object',
          },
          responses: {
            minProperties: 1,
            patternProperties: {'^([1-5]\\d\\d|default)$': {required: ['description'], type: 'object'}},
            additionalProperties: false,
            type: 'object',
          },
          summary: {type: 'string'},
        },
        required: ['operationId', 'responses'],
        type: 'object',
      },
      parameter: {
        if: {properties: {in: {const: 'path'}}},
        properties: {in: {enum: ['query', 'header', 'path', 'cookie']}, name: {type: 'string'}, required: {type: 'boolean'}, schema: {type: 'object'}},
        required: ['name', 'in', 'schema'],
        then: {properties: {required: {const: true}}, required: ['required']},
        type: 'object',
      },
    },
    properties: {
      components: {properties: {securitySchemes: {additionalProperties: {required: ['type'], type: 'object'}, type: 'object'}}, type: 'object'},
      info: {properties: {title: {type: 'string'}, version: {type: 'string'}}, required: ['title', 'version'], type: 'object'},
      openapi: {pattern: '^3\\.1\\.\\d+$', type: 'string'},
      paths: {
        additionalProperties: false,
        patternProperties: {'^/': {additionalProperties: false, patternProperties: {'^(get|put|post|delete|options|head|patch|trace)$': {$ref: '#/$defs/operation'}}, type: 'object'}},
        type: 'object',
      },
      servers: {items: {properties: {url: {type: 'string'}}, required: ['url'], type: 'object'}, type: 'array'},
    },
    required: ['openapi', 'info', 'paths'],
    type: 'object',
  }

  const allOperations = () => Object.entries(document.paths).flatMap(([path, item]: [string, Any]) => Object.entries(item).map(([method, op]: [string, Any]) => ({method, op, path})))

  it('needs the token', async () => {
    expect((await adapter.raw({method: 'GET', target: '/openapi.json'})).status).to.equal(401)
  })

  it('validates against the OpenAPI 3.1 subset, and every schema in it is valid JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({strict: true, strictRequired: false})
    expect(ajv.validate(oas31Subset, document), ajv.errorsText()).to.equal(true)
    const schemas = [
      ...Object.values(document.components.schemas),
      ...allOperations().flatMap(({op}) => [
        ...(op.parameters ?? []).map((p: Any) => p.schema),
        ...Object.values(op.requestBody?.content ?? {}).map((m: Any) => m.schema),
      ]),
    ]
    const lenient = new Ajv2020({strict: false})
    for (const schema of schemas) expect(lenient.validateSchema(schema as object), lenient.errorsText()).to.equal(true)
    // $refs resolve.
    lenient.addSchema(document, 'doc')
    expect(lenient.getSchema('doc#/components/schemas/Fail')).to.be.a('function')
  })

  it('lists every catalog operation once, at the catalog\'s method and path, with path parameters matching the template', () => {
    const listed = allOperations()
    expect(listed).to.have.length(operations.length)
    expect(listed.map(({op}) => op.operationId).sort()).to.deep.equal(operations.map((o) => o.name).sort())
    for (const {method, op, path} of listed) {
      const operation = getOperation(op.operationId)
      expect([operation.method, operation.path]).to.deep.equal([method.toUpperCase(), path])
      const placeholders = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      expect((op.parameters ?? []).filter((p: Any) => p.in === 'path').map((p: Any) => p.name)).to.deep.equal(placeholders)
    }
  })

  it('carries the catalog\'s types, enums and limits', () => {
    const list = document.paths['/admin/v1/users'].get
    const limit = list.parameters.find((p: Any) => p.name === 'limit')
    expect(limit).to.include({in: 'query', required: false})
    expect(limit.schema).to.include({default: 100, maximum: 300, minimum: 1, type: 'integer'})
    expect(list.parameters.find((p: Any) => p.name === 'user_id_list').schema).to.include({maxItems: 100, type: 'array'})
    const create = document.paths['/admin/v1/users'].post.requestBody.content['application/json'].schema
    expect(create.required).to.deep.equal(['username'])
    expect(create.properties.status.enum).to.deep.equal(['active', 'bypass', 'disabled'])
    const bulk = document.paths['/admin/v1/bulk'].post.requestBody.content
    expect(Object.keys(bulk)).to.deep.equal(['application/json'])
    expect(bulk['application/json'].schema.properties.operations.maxItems).to.equal(50)
    expect(document.servers).to.deep.equal([{url: adapter.server.url}])
    expect(document.paths['/admin/v1/users/{user_id}'].delete['x-duo-hints']).to.deep.equal({destructive: true, idempotent: true, readOnly: false})
  })
})

describe('duo serve rest (the built CLI)', function () {
  this.timeout(30_000)

  it('serve rest --sandbox --port 0 --json: one {url, token} line, a call, then SIGTERM exits 0', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', 'rest', '--sandbox', '--port', '0', '--json'], {
      env: {HOME: process.env.HOME, NO_COLOR: '1', PATH: process.env.PATH, DUO_CONFIG_DIR: tempConfigDir()},
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const [line] = await once(createInterface({input: child.stdout}), 'line')
    const {token, url} = JSON.parse(line)
    expect(url).to.match(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(token).to.be.a('string').with.length.above(30)
    expect(stderr).to.contain(`Bearer token: ${token}`)
    const answer = await fetch(`${url}/admin/v1/users?username=alice`, {headers: {Authorization: `Bearer ${token}`}})
    expect(answer.status).to.equal(200)
    expect(((await answer.json()) as Any).response[0].username).to.equal('alice')
    child.kill('SIGTERM')
    const [code] = await once(child, 'exit')
    expect(code, stderr).to.equal(0)
  })

  it('--no-auth on 0.0.0.0 is a usage error (exit 2) before anything starts', async () => {
    const result = await runCli(['serve', 'rest', '--sandbox', '--no-auth', '--host', '0.0.0.0'])
    expect(result.code).to.equal(2)
    expect(result.stderr).to.contain('--no-auth is refused on 0.0.0.0')
    expect(result.stderr).to.not.contain('embedded sandbox')
  })
})
