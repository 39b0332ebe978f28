// duo users import, run as built against a sandbox: checking before sending, batching, and resuming
// an import that was killed, with every request counted through a recording proxy.
import {expect} from 'chai'
import {type ChildProcess, spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {type Server, createServer, request} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {invoke, invokeAll} from '../../src/core/invoke.js'
import type {DuoUser} from '../../src/core/duo-objects.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {BIN, type CliResult, runCli, tempConfigDir} from '../helpers/cli.js'
import {clientFor} from '../sandbox/helpers.js'

const BULK_CREATE = 'POST /admin/v1/users/bulk_create'
const LOOKUP = 'GET /admin/v1/users'

/** A pass-through to the sandbox that records "METHOD /path" of every request, to count them exactly. */
async function recordingProxy(sandbox: RunningSandbox): Promise<{calls: string[]; close(): Promise<void>; url: string}> {
  const calls: string[] = []
  const server: Server = createServer((req, res) => {
    calls.push(`${req.method} ${req.url!.split('?')[0]}`)
    const upstream = request({headers: req.headers, host: '127.0.0.1', method: req.method, path: req.url, port: sandbox.port}, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    calls,
    close: () => new Promise((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  }
}


function csv(prefix: string, count: number): string {
  const lines = ['username,realname,email,status']
  for (let i = 0; i < count; i++) lines.push(`${prefix}${String(i).padStart(5, '0')},User ${i},${prefix}${i}@example.com,active`)
  return lines.join('\n') + '\n'
}

/** The usernames csv(prefix, n) holds, in order. */
const expected = (prefix: string, n: number) => csv(prefix, n).trim().split('\n').slice(1).map((line) => line.split(',')[0])

const count = (calls: string[], call: string) => calls.filter((c) => c === call).length

/** A sandbox for one describe block, a temp dir for its files, and the CLI pointed at the sandbox (or a proxy to it). */
function importSession(options: {latencyMs?: number} = {}) {
  const session = {dir: '', sandbox: undefined as unknown as RunningSandbox}
  before(async () => {
    session.sandbox = await startSandbox(options)
    session.dir = mkdtempSync(join(tmpdir(), 'duo-import-test-'))
  })
  after(async () => {
    await session.sandbox.close()
    rmSync(session.dir, {force: true, recursive: true})
  })

  const env = (url = session.sandbox.url) => ({DUO_HOST: url, DUO_IKEY: session.sandbox.ikey, DUO_SKEY: session.sandbox.skey})
  return {
    env,
    file(name: string, text: string): string {
      const path = join(session.dir, name)
      writeFileSync(path, text)
      return path
    },
    importCli: (args: string[], url?: string): Promise<CliResult> => runCli(['users', 'import', ...args], {env: env(url)}),
    /** Read once the before() hook has run. */
    sandbox: () => session.sandbox,
    /** Usernames in the sandbox that start with `prefix`, sorted, each as often as it is there. */
    async usernames(prefix: string): Promise<string[]> {
      const client = clientFor(session.sandbox)
      const names: string[] = []
      for await (const user of invokeAll<DuoUser>(client, 'listusers')) if (user.username.startsWith(prefix)) names.push(user.username)
      client.close()
      return names.sort()
    },
  }
}

describe('duo users import (built CLI, sandbox)', function () {
  // Several runs of the built CLI each: generous, for machines busy with other test runs.
  this.timeout(60_000)

  const {file, importCli, usernames, ...session} = importSession()

  it('refuses a file with bad rows before sending anything, naming every bad line (CSV) or item (JSON)', async () => {
    const bad = file('bad.csv', csv('bad', 4).replace('bad00002,User 2,bad2@example.com,active', 'bad00002,User 2,bad2@example.com,sleeping') + 'bad00000,Again,,active\n')
    const badJson = file('bad.json', JSON.stringify([{username: 'j1'}, {realname: 'no name'}, {username: 'j3', colour: 'red'}]))
    const before = session.sandbox().requestCount()
    const [human, json] = await Promise.all([importCli([bad]), importCli([badJson, '--json'])])
    expect(session.sandbox().requestCount()).to.equal(before)

    expect(human.code).to.equal(2)
    expect(human.stderr).to.contain('2 bad rows; nothing was sent')
    expect(human.stderr).to.match(/line 4: status must be one of active, bypass, disabled \(got "sleeping"\)/)
    expect(human.stderr).to.match(/line 6: username "bad00000" is already on line 2/)
    expect(json.code).to.equal(2)
    expect(json.stdout).to.equal('')
    const {error} = JSON.parse(json.stderr)
    expect(error.exitCode).to.equal(2)
    expect(error.message).to.contain('item [1]: username is required')
    expect(error.message).to.contain('item [2]: unknown key colour')
    expect(existsSync(`${bad}.duo-import.json`)).to.equal(false)
    expect(await usernames('bad')).to.deep.equal([])
    expect(await usernames('j')).to.deep.equal([])
  })

  it('--dry-run prints the batches (a table, or JSON) and sends nothing', async () => {
    const path = file('dry.csv', csv('dry', 150))
    const before = session.sandbox().requestCount()
    const [human, json] = await Promise.all([importCli([path, '--dry-run']), importCli([path, '--dry-run', '--json'])])
    expect(session.sandbox().requestCount()).to.equal(before)
    expect(human.code, human.stderr).to.equal(0)
    expect(human.stdout.split('\n').map((line) => line.split(/\s+/).join(' '))).to.deep.equal([
      'BATCH ROWS USERS FIRST LAST',
      '1 2-101 100 dry00000 dry00099',
      '2 102-151 50 dry00100 dry00149',
      '',
    ])
    expect(human.stderr).to.contain('150 users in 2 batches; nothing was sent')
    const batches = JSON.parse(json.stdout)
    expect(batches.map((b: {batch: number; firstRow: number; lastRow: number}) => [b.batch, b.firstRow, b.lastRow])).to.deep.equal([[1, 2, 101], [2, 102, 151]])
    expect(batches[1].users[49]).to.deep.equal({email: 'dry149@example.com', realname: 'User 149', status: 'active', username: 'dry00149'})
    expect(await usernames('dry')).to.deep.equal([])
  })

  it('imports a small CSV (a table of the new users) and a JSON array (--json: created, batches, users); the journal is gone after', async () => {
    const path = file('small.csv', csv('small', 3))
    const jsonPath = file('small.json', JSON.stringify([{email: 'js1@example.com', username: 'js1'}, {status: 'Bypass', username: 'js2'}]))
    const [human, json] = await Promise.all([importCli([path]), importCli([jsonPath, '--json', '--yes'])])
    expect(human.code, human.stderr).to.equal(0)
    expect(human.stdout).to.match(/^small00002\s+DU[0-9A-Z]{18}\s+User 2\s+small2@example.com\s+active$/m)
    expect(human.stderr).to.contain('Created 3 users in 1 batch.')
    expect(human.stderr, 'no progress bar without a terminal').to.not.contain('Importing [')
    expect(json.code, json.stderr).to.equal(0)
    const summary = JSON.parse(json.stdout)
    expect(summary).to.include({batches: 1, created: 2, failed: 0, rows: 2, skipped: 0})
    expect(summary.users.map((u: DuoUser) => [u.username, u.status])).to.deep.equal([['js1', 'active'], ['js2', 'bypass']])
    expect(await usernames('small')).to.deep.equal(expected('small', 3))
    expect(await usernames('js')).to.deep.equal(['js1', 'js2'])
    expect(existsSync(`${path}.duo-import.json`)).to.equal(false)
  })

  it('imports 1,000 rows in 10 bulk_create calls and nothing else; every user exists exactly once', async () => {
    const path = file('thousand.csv', csv('k', 1000))
    const proxy = await recordingProxy(session.sandbox())
    const result = await importCli([path, '--json'], proxy.url)
    await proxy.close()
    expect(result.code, result.stderr).to.equal(0)
    expect(proxy.calls).to.deep.equal(Array.from({length: 10}, () => BULK_CREATE))
    const summary = JSON.parse(result.stdout)
    expect(summary).to.include({batches: 10, created: 1000, rows: 1000})
    expect(summary.users).to.have.length(1000)
    expect(await usernames('k')).to.deep.equal(expected('k', 1000))
  })

  it('stops with exit 2 when an interrupted import\'s journal is there, and --restart starts over', async () => {
    const path = file('again.csv', csv('again', 2))
    writeFileSync(`${path}.duo-import.json`, JSON.stringify({batchSize: 100, batches: [], file: path, rows: 2, sha256: 'x', version: 1}))
    const before = session.sandbox().requestCount()
    const refused = await importCli([path])
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.contain('An unfinished import')
    expect(refused.stderr).to.match(/--resume.*--restart/)
    expect(session.sandbox().requestCount()).to.equal(before)

    const restarted = await importCli([path, '--restart'])
    expect(restarted.code, restarted.stderr).to.equal(0)
    expect(await usernames('again')).to.deep.equal(['again00000', 'again00001'])
    expect(existsSync(`${path}.duo-import.json`)).to.equal(false)
  })
})

describe('duo users import --resume (built CLI, sandbox answering after 150 ms)', function () {
  this.timeout(60_000)

  // Slow answers leave time to kill the import between batches; the sandbox acts before it waits.
  const {env, file, importCli, usernames, ...session} = importSession({latencyMs: 150})

  /** The journal as the import left it (polled while it runs: renames make every read whole). */
  const journalOf = (path: string) => JSON.parse(readFileSync(`${path}.duo-import.json`, 'utf8'))

  it('after a kill between batches: skips the done batches, checks the one in flight, and creates every row once', async () => {
    const path = file('killed.csv', csv('killed', 1000))
    const child: ChildProcess = spawn(process.execPath, [BIN, 'users', 'import', path], {
      env: {...env(), DUO_CONFIG_DIR: tempConfigDir(), HOME: process.env.HOME, NO_COLOR: '1', PATH: process.env.PATH},
      stdio: 'ignore',
    })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    const deadline = Date.now() + 15_000
    const done = () => (existsSync(`${path}.duo-import.json`) ? journalOf(path).batches.filter((b: {status: string}) => b.status === 'done').length : 0)
    while (done() < 3) {
      if (Date.now() > deadline) throw new Error('the import did not get through 3 batches')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }

    child.kill('SIGKILL')
    await exited
    const journal = journalOf(path)
    expect(statSync(`${path}.duo-import.json`).mode & 0o777).to.equal(0o600)
    const doneBatches = journal.batches.filter((b: {status: string}) => b.status === 'done').length
    const inFlight = journal.batches.filter((b: {status: string}) => b.status === 'sent')
    expect(doneBatches).to.be.within(3, 9)
    expect(inFlight.length).to.be.at.most(1)
    const there = await usernames('killed')
    expect(there).to.deep.equal(expected('killed', 1000).slice(0, there.length))
    // A batch in flight was either created whole or not at all (bulk_create is all-or-nothing).
    const inFlightCreated = there.length > doneBatches * 100

    const proxy = await recordingProxy(session.sandbox())
    const resumed = await importCli([path, '--resume', '--json'], proxy.url)
    await proxy.close()
    expect(resumed.code, resumed.stderr).to.equal(0)
    expect(count(proxy.calls, LOOKUP)).to.equal(inFlight.length)
    expect(count(proxy.calls, BULK_CREATE)).to.equal(10 - doneBatches - (inFlightCreated ? 1 : 0))
    expect(proxy.calls).to.have.length(count(proxy.calls, LOOKUP) + count(proxy.calls, BULK_CREATE))
    expect(JSON.parse(resumed.stdout)).to.include({created: 1000 - there.length, rows: 1000, skipped: there.length})
    expect(await usernames('killed')).to.deep.equal(expected('killed', 1000))
    expect(existsSync(`${path}.duo-import.json`)).to.equal(false)
  })

  it('after a kill mid-request: the batch marked sent is looked up and only its missing users are sent again', async () => {
    const text = csv('mid', 250)
    const path = file('mid.csv', text)
    const names = expected('mid', 250)
    const rows = (from: number, to: number) => names.slice(from, to).map((username) => ({username}))
    // The sandbox already holds batch 1 and half of batch 2, whose answer never arrived.
    const client = clientFor(session.sandbox())
    await invoke(client, 'bulkcreateusers', {users: rows(0, 100)})
    await invoke(client, 'bulkcreateusers', {users: rows(100, 150)})
    client.close()
    writeFileSync(
      `${path}.duo-import.json`,
      JSON.stringify({
        batchSize: 100,
        batches: [
          {batch: 1, firstRow: 2, lastRow: 101, status: 'done'},
          {batch: 2, firstRow: 102, lastRow: 201, status: 'sent', usernames: names.slice(100, 200)},
        ],
        file: path,
        rows: 250,
        sha256: createHash('sha256').update(text).digest('hex'),
        version: 1,
      }),
    )

    const proxy = await recordingProxy(session.sandbox())
    const resumed = await importCli([path, '--resume', '--json'], proxy.url)
    await proxy.close()
    expect(resumed.code, resumed.stderr).to.equal(0)
    expect(proxy.calls).to.deep.equal([LOOKUP, BULK_CREATE, BULK_CREATE])
    const summary = JSON.parse(resumed.stdout)
    expect(summary).to.include({batches: 2, created: 100, rows: 250, skipped: 150})
    expect(summary.users.map((u: DuoUser) => u.username)).to.deep.equal(names.slice(150))
    expect(await usernames('mid')).to.deep.equal(names)
    expect(existsSync(`${path}.duo-import.json`)).to.equal(false)
  })
})
