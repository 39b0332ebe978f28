// The import's parts in-process: reading and checking files, the journal, and importUsers against a
// sandbox at a size (10,000 rows) where the journal's bookkeeping has to stay cheap.
import {expect} from 'chai'
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {DuoClient} from '../../src/transport/client.js'
import {DuoError, UsageError} from '../../src/core/errors.js'
import {ImportJournal, journalPath} from '../../src/tasks/import-journal.js'
import {invoke} from '../../src/core/invoke.js'
import {type ImportFile, checkImportFile} from '../../src/tasks/user-import-file.js'
import {importFailure, importUsers} from '../../src/tasks/user-import.js'
import type {DuoUser} from '../../src/core/duo-objects.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import {clientFor} from '../sandbox/helpers.js'

const dir = mkdtempSync(join(tmpdir(), 'duo-import-unit-'))
let written = 0
after(() => rmSync(dir, {force: true, recursive: true}))

function file(text: string, extension = 'csv'): string {
  const path = join(dir, `f${++written}.${extension}`)
  writeFileSync(path, text)
  return path
}

function rows(prefix: string, n: number): string {
  return ['username,email', ...Array.from({length: n}, (_, i) => `${prefix}${i},${prefix}${i}@example.com`)].join('\n') + '\n'
}

/** For files with no row that weakens security: the import must not ask. */
const unasked = async (): Promise<void> => expect.fail('no row of this file sets status bypass or disabled')

async function problemsOf(path: string): Promise<string> {
  try {
    await checkImportFile(path)
  } catch (error) {
    expect(error).to.be.instanceOf(UsageError)
    return (error as Error).message
  }

  return expect.fail('the file was accepted')
}

describe('user import: checking the file', () => {
  it('counts CSV lines from the header as line 1, across blank lines and quoted cells that span lines', async () => {
    const path = file('\uFEFFUsername,Notes\n\nann,"two\nlines"\n\nann,again\nbob,ok\n,no name\n')
    const message = await problemsOf(path)
    expect(message.split('\n').slice(1)).to.deep.equal(['  line 6: username "ann" is already on line 3', '  line 8: username is required'])
  })

  it('accepts a good CSV or JSON file and fingerprints it', async () => {
    const csv: ImportFile = await checkImportFile(file('username,status,notes\nann,BYPASS,\n bob , active , x \n'))
    expect(csv).to.include({format: 'csv', rows: 2})
    expect(csv.sha256).to.match(/^[0-9a-f]{64}$/)
    const json = await checkImportFile(file(' [{"username": "ann", "email": null}, {"username": "bob", "notes": ""}]', 'txt'))
    expect(json).to.include({format: 'json', rows: 2})
  })

  it('refuses unknown columns once (on the header), wrong cell counts, and files with no users or broken syntax', async () => {
    expect(await problemsOf(file('username,colour,shade\nann,red,dark\n'))).to.contain('line 1: unknown columns "colour", "shade"')
    expect(await problemsOf(file('username,email\nann\n'))).to.contain('line 2: has 1 cell, the header has 2')
    expect(await problemsOf(file('username,email\n'))).to.contain('has no users')
    expect(await problemsOf(file('username\n"ann\n'))).to.contain('not valid CSV')
    expect(await problemsOf(file('[{"username": "a"},', 'json'))).to.contain('not valid JSON')
    expect(await problemsOf(file('{"username": "a"}', 'json'))).to.contain('must hold a JSON array')
    expect(await problemsOf(file('["ann"]', 'json'))).to.contain('item [0]: must be an object')
  })

  it('lists the first 50 bad rows and counts the rest', async () => {
    const message = await problemsOf(file(['username,status', ...Array.from({length: 80}, (_, i) => `u${i},asleep`)].join('\n')))
    const lines = message.split('\n')
    expect(lines[0]).to.match(/80 bad rows; nothing was sent/)
    expect(lines).to.have.length(52)
    expect(lines[50]).to.contain('line 51:')
    expect(lines[51]).to.equal('  … and 30 more')
  })
})

describe('user import: the journal', () => {
  it('is written 0600 through a temp file, and a finished batch keeps only its range', () => {
    const path = journalPath(file(''))
    const journal = ImportJournal.start(path, {batchSize: 100, file: 'x.csv', rows: 150, sha256: 'abc'})
    expect(statSync(path).mode & 0o777).to.equal(0o600)
    journal.record({batch: 1, firstRow: 2, lastRow: 101, status: 'sent', usernames: ['a', 'b']})
    expect(ImportJournal.open(path)!.entry(1)).to.deep.include({status: 'sent', usernames: ['a', 'b']})
    journal.record({batch: 1, firstRow: 2, lastRow: 101, status: 'done', usernames: ['a', 'b']})
    const reopened = ImportJournal.open(path)!
    expect(reopened.entry(1)).to.deep.equal({batch: 1, firstRow: 2, lastRow: 101, status: 'done'})
    expect(reopened.header).to.deep.equal({batchSize: 100, file: 'x.csv', rows: 150, sha256: 'abc'})
    expect(reopened.doneCount()).to.equal(1)
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).to.deep.equal([])
    journal.remove()
    expect(ImportJournal.open(path)).to.equal(undefined)
  })

  it('refuses a journal it cannot read, pointing at --restart', () => {
    const path = file('{"version": 1, "batc')
    expect(() => ImportJournal.open(path)).to.throw(UsageError, /cannot be read/)
  })
})

describe('user import: importUsers against a sandbox', () => {
  let sandbox: RunningSandbox
  let client: DuoClient
  before(async () => {
    sandbox = await startSandbox()
    client = clientFor(sandbox)
  })
  after(async () => {
    client.close()
    await sandbox.close()
  })

  const connect = async () => client

  it('imports 10,000 rows in 100 calls with a journal that stays small, and reports counts without the users', async () => {
    const path = file(rows('ten', 10_000))
    let largest = 0
    let batches = 0
    const summary = await importUsers(connect, {
      confirmWeakening: unasked,
      file: path,
      progress: {
        advance() {
          batches++
          largest = Math.max(largest, statSync(journalPath(path)).size)
        },
        start() {},
        stop() {},
      },
    })
    expect(summary).to.deep.equal({batches: 100, created: 10_000, existing: 0, failed: 0, failedExisting: 0, rows: 10_000, skipped: 0, users: undefined})
    expect(batches).to.equal(100)
    // 100 finished batches are a range each; only a batch in flight lists its usernames.
    expect(largest).to.be.below(10_000)
    expect(existsSync(journalPath(path))).to.equal(false)
    const found = await invoke<DuoUser[]>(client, 'listusers', {username_list: ['ten0', 'ten9999']})
    expect(found.response.map((u) => u.username)).to.deep.equal(['ten0', 'ten9999'])
  })

  it('goes on past a batch Duo refuses, keeps the journal and the first error, and --resume later sends only that batch\'s missing users', async () => {
    await invoke(client, 'createuser', {username: 'clash150'})
    const path = file(rows('clash', 250))
    const summary = await importUsers(connect, {confirmWeakening: unasked, file: path})
    expect(summary).to.deep.include({batches: 3, created: 150, failed: 100, journal: journalPath(path), skipped: 0})
    expect(summary.firstError).to.deep.include({batch: 2, firstRow: 102, lastRow: 201})
    expect(summary.firstError!.message).to.contain('clash150')
    expect(importFailure(summary)!.message).to.match(/^100 of 250 users were not created; Duo refused batch 2 \(rows 102-201\)/)
    const journal = JSON.parse(readFileSync(journalPath(path), 'utf8'))
    expect(journal.batches.map((b: {status: string}) => b.status)).to.deep.equal(['done', 'failed', 'done'])

    const clash = (await invoke<DuoUser[]>(client, 'listusers', {username: 'clash150'})).response[0]
    await invoke(client, 'deleteuser', {user_id: clash.user_id})
    const before = sandbox.requestCount()
    const resumed = await importUsers(connect, {confirmWeakening: unasked, file: path, resume: true})
    expect(sandbox.requestCount() - before).to.equal(2)
    expect(resumed).to.deep.include({batches: 1, created: 100, failed: 0, skipped: 150})
    expect(existsSync(journalPath(path))).to.equal(false)
  })

  it('resumes a batch marked sent that Duo had created whole with one lookup and no create', async () => {
    const path = file(rows('whole', 100))
    const {sha256} = await checkImportFile(path)
    const usernames = Array.from({length: 100}, (_, i) => `whole${i}`)
    await invoke(client, 'bulkcreateusers', {users: usernames.map((username) => ({username}))})
    const journal = ImportJournal.start(journalPath(path), {batchSize: 100, file: path, rows: 100, sha256})
    journal.record({batch: 1, firstRow: 2, lastRow: 101, status: 'sent', usernames})
    const before = sandbox.requestCount()
    const summary = await importUsers(connect, {confirmWeakening: unasked, file: path, resume: true})
    expect(sandbox.requestCount() - before).to.equal(1)
    expect(summary).to.deep.include({batches: 0, created: 0, skipped: 100})
  })

  it('refuses to resume when the file changed since the journal was written', async () => {
    const path = file(rows('changed', 3))
    ImportJournal.start(journalPath(path), {batchSize: 100, file: path, rows: 3, sha256: 'not-this-file'})
    const before = sandbox.requestCount()
    try {
      await importUsers(connect, {confirmWeakening: unasked, file: path, resume: true})
      expect.fail('resumed')
    } catch (error) {
      expect(error).to.be.instanceOf(UsageError)
      expect((error as Error).message).to.contain('has changed since the interrupted import')
    }

    expect(sandbox.requestCount()).to.equal(before)
  })

  it('stops at a failure that would hit every batch (403), keeping the batch as sent and saying how to resume', async () => {
    const readOnly = await startSandbox({permissions: {read: true, write: false}})
    const readOnlyClient = clientFor(readOnly)
    const path = file(rows('denied', 150))
    try {
      await importUsers(async () => readOnlyClient, {confirmWeakening: unasked, file: path})
      expect.fail('imported')
    } catch (error) {
      expect(error).to.be.instanceOf(DuoError)
      expect((error as DuoError).exitCode).to.equal(3)
      expect((error as DuoError).message).to.contain('(batch 1 of 2, rows 2-101; 0 users were created before it)')
      expect((error as DuoError).hint).to.contain('--resume')
    } finally {
      readOnlyClient.close()
      await readOnly.close()
    }

    expect(readOnly.requestCount()).to.equal(1)
    const journal = JSON.parse(readFileSync(journalPath(path), 'utf8'))
    expect(journal.batches).to.have.length(1)
    expect(journal.batches[0]).to.deep.include({batch: 1, status: 'sent'})
  })
})
