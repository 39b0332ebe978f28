// Class 1 of issue 13: files several duo processes change at once keep every change. Real parallel
// processes of the built CLI, one config dir.
import {expect} from 'chai'
import {existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {runCli, tempConfigDir} from '../helpers/cli.js'

const IKEY = 'DIABCDEFGHIJKLMNOPQR'
const HOST = 'api-1234abcd.duosecurity.com'
const addProfile = (configDir: string, name: string) =>
  runCli(['profiles', 'add', name, '--ikey', IKEY, '--host', HOST, '--skey-stdin'], {configDir, input: 's'.repeat(40) + '\n'})

describe('hardening: concurrent writers keep every change (issue 13, class 1)', () => {
  it('8 `duo profiles add` at once: all exit 0 and config.json keeps all 8', async () => {
    const configDir = tempConfigDir()
    const names = Array.from({length: 8}, (_, i) => `p${i}`)
    const results = await Promise.all(names.map((name) => addProfile(configDir, name)))
    for (const result of results) expect(result.code, result.stderr).to.equal(0)
    for (const result of results) expect(result.stderr).to.not.match(/No profile named/)
    const saved = JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as {defaultProfile: string; profiles: Record<string, unknown>}
    expect(Object.keys(saved.profiles).sort()).to.deep.equal(names)
    expect(names).to.include(saved.defaultProfile)
    // No lock folder or temp file is left behind.
    expect(readdirSync(configDir)).to.deep.equal(['config.json'])
  })

  it('6 `duo users create --sandbox` at once: all 6 users are in the embedded sandbox afterwards', async () => {
    const configDir = tempConfigDir()
    // Creates the state file first, as a person's first --sandbox command would.
    expect((await runCli(['users', 'list', '--sandbox', '--json'], {configDir})).code).to.equal(0)
    const names = Array.from({length: 6}, (_, i) => `parallel${i}`)
    const results = await Promise.all(names.map((username) => runCli(['users', 'create', '--username', username, '--sandbox', '--json'], {configDir})))
    for (const result of results) expect(result.code, result.stderr).to.equal(0)
    const ids = results.map((r) => (JSON.parse(r.stdout) as {user_id: string}).user_id)
    const listed = await runCli(['users', 'list', '--all', '--sandbox', '--json'], {configDir})
    const users = listed.stdout.trim().split('\n').map((line) => JSON.parse(line) as {user_id: string; username: string})
    expect(users.filter((u) => names.includes(u.username)).map((u) => u.user_id).sort()).to.deep.equal(ids.sort())
  })

  it('a lock another process keeps holding is an error after a few seconds (exit 1), and nothing is written', async () => {
    const configDir = tempConfigDir()
    expect((await addProfile(configDir, 'first')).code).to.equal(0)
    const before = readFileSync(join(configDir, 'config.json'), 'utf8')
    const lock = join(configDir, 'config.json.lock')
    mkdirSync(lock)
    // A live holder refreshes its lock; so does this test, every half second.
    const refresh = setInterval(() => utimesSync(lock, new Date(), new Date()), 500)
    try {
      const result = await addProfile(configDir, 'second')
      expect(result.code).to.equal(1)
      expect(result.stderr).to.match(/config\.json is locked by another duo process \(waited \d s\); nothing was changed/)
    } finally {
      clearInterval(refresh)
    }

    expect(readFileSync(join(configDir, 'config.json'), 'utf8')).to.equal(before)
  })

  it('a killed writer\'s stale lock is taken over and its temp file removed', async () => {
    const configDir = tempConfigDir()
    expect((await addProfile(configDir, 'first')).code).to.equal(0)
    const lock = join(configDir, 'config.json.lock')
    mkdirSync(lock)
    const old = new Date(Date.now() - 60_000)
    utimesSync(lock, old, old)
    // What write-file-atomic leaves when killed between writing and renaming.
    writeFileSync(join(configDir, 'config.json.1234567890'), '{"half":')
    const result = await addProfile(configDir, 'second')
    expect(result.code, result.stderr).to.equal(0)
    expect(Object.keys((JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')) as {profiles: object}).profiles)).to.deep.equal(['first', 'second'])
    expect(existsSync(join(configDir, 'config.json.1234567890'))).to.equal(false)
    expect(existsSync(lock)).to.equal(false)
  })
})
