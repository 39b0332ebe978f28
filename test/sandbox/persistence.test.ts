// The state file: survives a restart, holds the credentials, is private and written atomically.
import {expect} from 'chai'
import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {invoke} from '../../src/core/invoke.js'
import {startSandbox} from '../../src/sandbox/server.js'
import {clientFor} from './helpers.js'

describe('sandbox: state file', () => {
  let dir: string
  let stateFile: string

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'duo-sandbox-state-'))
    stateFile = join(dir, 'sandbox.json')
  })
  afterEach(() => rmSync(dir, {force: true, recursive: true}))

  it('survives a restart: same credentials, the user created before is there; the file is 0600', async () => {
    const first = await startSandbox({stateFile})
    expect(statSync(stateFile).mode & 0o777).to.equal(0o600)
    const client = clientFor(first)
    const created = await invoke<{user_id: string}>(client, 'createuser', {realname: 'Kept Across', username: 'persisted'})
    // Saved by the request itself, before any close().
    expect(readFileSync(stateFile, 'utf8')).to.include('"persisted"')
    client.close()
    await first.close()

    const second = await startSandbox({stateFile})
    expect([second.ikey, second.skey]).to.deep.equal([first.ikey, first.skey])
    expect(second.ikey).to.match(/^DI[A-Z0-9]{18}$/)
    expect(second.skey).to.match(/^[A-Za-z0-9]{40}$/)
    const again = clientFor(second)
    try {
      const {response} = await invoke<{realname: string}>(again, 'getuser', {user_id: created.response.user_id})
      expect(response.realname).to.equal('Kept Across')
    } finally {
      again.close()
      await second.close()
    }

    expect(statSync(stateFile).mode & 0o777).to.equal(0o600)
    expect(readdirSync(dir)).to.deep.equal(['sandbox.json'])
  })

  it('explicit ikey/skey options win over the file', async () => {
    await (await startSandbox({stateFile})).close()
    const sandbox = await startSandbox({ikey: 'DIEXPLICIT0000000000', skey: 's'.repeat(40), stateFile})
    await sandbox.close()
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).to.include({ikey: 'DIEXPLICIT0000000000', skey: 's'.repeat(40)})
  })

  it('refuses a file that is not a sandbox state file', async () => {
    writeFileSync(stateFile, '{"hello": "world"}')
    let failure: unknown
    await startSandbox({stateFile}).catch((error: unknown) => {
      failure = error
    })
    expect(String(failure)).to.match(/not a sandbox state file/)
  })
})
