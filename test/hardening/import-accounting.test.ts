// Class 9 of issue 13: an import reports honestly. A row refused because Duo already has the user
// says so (not "already there from an earlier run"); --resume says what it skipped and why; the
// human summary shows counts, not 1970 dates.
import {expect} from 'chai'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {invoke} from '../../src/core/invoke.js'
import {ImportJournal, journalPath} from '../../src/tasks/import-journal.js'
import {checkImportFile} from '../../src/tasks/user-import-file.js'
import {describeImport, importUsers} from '../../src/tasks/user-import.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'
import type {DuoClient} from '../../src/transport/client.js'
import {runCli} from '../helpers/cli.js'
import {clientFor} from '../sandbox/helpers.js'

/** For files with no row that weakens security: the import must not ask. */
const unasked = async (): Promise<void> => expect.fail('no row of this file sets status bypass or disabled')
const rows = (prefix: string, n: number) => ['username', ...Array.from({length: n}, (_, i) => `${prefix}${i}`)].join('\n') + '\n'

describe('hardening: honest import accounting (issue 13, class 9)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duo-hardening-import-'))
  let sandbox: RunningSandbox
  let client: DuoClient
  const connect = async () => client
  before(async () => {
    sandbox = await startSandbox()
    client = clientFor(sandbox)
  })
  after(async () => {
    client.close()
    await sandbox.close()
    rmSync(dir, {force: true, recursive: true})
  })

  it('a batch refused because users exist says how many exist; --resume skips them as "already in Duo", not as an earlier run\'s', async () => {
    await invoke(client, 'createuser', {username: 'pre3'})
    await invoke(client, 'createuser', {username: 'pre7'})
    const path = join(dir, 'pre.csv')
    writeFileSync(path, rows('pre', 10))
    const first = await importUsers(connect, {confirmWeakening: unasked, file: path})
    expect(first).to.deep.include({created: 0, failed: 10, failedExisting: 2, skipped: 0})
    expect(describeImport(first)).to.equal('Created 0 users in 1 batch; 10 refused (2 of them already exist in Duo).')

    const notes: string[] = []
    const resumed = await importUsers(connect, {confirmWeakening: unasked, file: path, note: (text) => notes.push(text), resume: true})
    expect(resumed).to.deep.include({created: 8, existing: 2, failed: 0, skipped: 0})
    expect(describeImport(resumed)).to.equal('Created 8 users in 1 batch; 2 already in Duo before this import, not sent.')
    expect(describeImport(resumed)).to.not.contain('earlier run')
    expect(notes).to.deep.equal(['Batch 1 (rows 2-11) was refused by Duo before: 2 of its users already exist in Duo (not created by this import) and are skipped; sending the other 8.'])
  })

  it('--resume names the finished batches it skipped and the cut-off batch it checked', async () => {
    const path = join(dir, 'cut.csv')
    writeFileSync(path, rows('cut', 250))
    const {sha256} = await checkImportFile(path)
    const batch = (n: number) => Array.from({length: 100}, (_, i) => `cut${(n - 1) * 100 + i}`).slice(0, n === 3 ? 50 : 100)
    await invoke(client, 'bulkcreateusers', {users: batch(1).map((username) => ({username}))})
    // The interrupted run got as far as creating 40 users of batch 2, then was killed.
    await invoke(client, 'bulkcreateusers', {users: batch(2).slice(0, 40).map((username) => ({username}))})
    const journal = ImportJournal.start(journalPath(path), {batchSize: 100, file: path, rows: 250, sha256})
    journal.record({batch: 1, firstRow: 2, lastRow: 101, status: 'done'})
    journal.record({batch: 2, firstRow: 102, lastRow: 201, status: 'sent', usernames: batch(2)})
    const notes: string[] = []
    const resumed = await importUsers(connect, {confirmWeakening: unasked, file: path, note: (text) => notes.push(text), resume: true})
    expect(resumed).to.deep.include({created: 110, existing: 0, skipped: 140})
    expect(notes).to.deep.equal([
      'Batch 1 (rows 2-101) was created by the earlier run: skipped, nothing sent.',
      'Batch 2 (rows 102-201) was cut off mid-request: 40 of its users are in Duo (created by the interrupted run) and are skipped; sending the other 60.',
    ])
    expect(describeImport(resumed)).to.equal('Created 110 users in 2 batches; 140 already created by an earlier run of this import, not sent again.')
  })

  it('the human summary of a large import shows the created count, not a 1970 date', async () => {
    const path = join(dir, 'big.csv')
    writeFileSync(path, rows('big', 1001))
    const result = await runCli(['users', 'import', path], {env: {DUO_HOST: sandbox.url, DUO_IKEY: sandbox.ikey, DUO_SKEY: sandbox.skey}})
    expect(result.code, result.stderr).to.equal(0)
    expect(result.stdout).to.match(/^created\s+1001$/m)
    expect(result.stdout).to.not.match(/1970/)
  })
})
