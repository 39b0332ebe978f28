// The questions a person at a terminal gets, driven through tmux: the prompt for a missing username,
// and the confirmation before a delete (default no). Each test file runs its own tmux server.
import {expect} from 'chai'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {runCli, tempConfigDir} from '../helpers/cli.js'
import {terminals} from '../helpers/tmux.js'

const tty = terminals('users')

describe('duo users on a terminal (tmux)', function () {
  // Several runs of the built CLI each: generous, for machines busy with other test runs.
  this.timeout(60_000)

  after(() => tty.stop())

  it('create asks for the missing username, then creates that user', async () => {
    const configDir = tempConfigDir()
    const name = tty.start(['users', 'create', '--sandbox', '--realname', 'Tty User'], configDir)
    await tty.waitFor(name, /Username for the new user:/)
    tty.type(name, 'ttyuser')
    tty.press(name, 'Enter')
    const screen = await tty.waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(/Created user ttyuser \(DU[0-9A-Z]{18}\)/)

    const created = await runCli(['users', 'get', 'ttyuser', '--sandbox', '--json'], {configDir})
    expect(created.code, created.stderr).to.equal(0)
    expect(JSON.parse(created.stdout)).to.include({realname: 'Tty User', status: 'active', username: 'ttyuser'})
  })

  it('delete asks for confirmation, defaulting to no; answering y deletes the user', async () => {
    const configDir = tempConfigDir()
    const declined = tty.start(['users', 'delete', 'bob', '--sandbox'], configDir)
    await tty.waitFor(declined, /Delete user bob permanently\?.*\(y\/N\)/)
    tty.press(declined, 'Enter')
    const kept = await tty.waitFor(declined, /EXITED \d+/)
    expect(kept).to.contain('EXITED 1')
    expect(kept).to.contain('Cancelled: nothing was changed.')

    const name = tty.start(['users', 'delete', 'bob', '--sandbox'], configDir)
    const question = await tty.waitFor(name, /Delete user bob permanently\?.*\(y\/N\)/)
    expect(question).to.not.contain('EXITED')
    tty.type(name, 'y')
    tty.press(name, 'Enter')
    const screen = await tty.waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(/Deleted user bob \(DU[0-9A-Z]{18}\)/)

    const gone = await runCli(['users', 'get', 'bob', '--sandbox'], {configDir})
    expect(gone.code).to.equal(4)
  })

  it('get without USER searches usernames as you type and shows the one picked', async () => {
    const name = tty.start(['users', 'get', '--sandbox'], tempConfigDir())
    await tty.waitFor(name, /User \(type to search\)/)
    tty.type(name, 'car')
    // Until the list for "car" is shown, the pointer is still on the first match for "c" (alice).
    await tty.waitFor(name, /[❯>] carol \(Carol Nguyen, carol@example\.com\)/)
    tty.press(name, 'Enter')
    const screen = await tty.waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(/^username\s+carol$/m)
    expect(screen).to.match(/^groups\s+Engineering, Helpdesk$/m)
  })

  it('verify-push send asks which phone when the user has several that take Duo Push, and pushes to the one picked', async () => {
    const configDir = tempConfigDir()
    // Carol's iPhone attached to alice as well: alice then has two push-capable phones.
    const carolsPhones = await runCli(['users', 'phones', 'list', 'carol', '--sandbox', '--json'], {configDir})
    const [carolsPhone] = JSON.parse(carolsPhones.stdout) as Array<{phone_id: string; number: string}>
    expect((await runCli(['users', 'phones', 'add', 'alice', carolsPhone.phone_id, '--sandbox'], {configDir})).code).to.equal(0)

    const name = tty.start(['users', 'verify-push', 'send', 'alice', '--sandbox'], configDir)
    await tty.waitFor(name, /Send a verification Duo Push to alice\?.*\(y\/N\)/)
    tty.type(name, 'y')
    tty.press(name, 'Enter')
    await tty.waitFor(name, /Which of alice's phones\?/)
    // Typing part of carol's number narrows the list to that phone.
    tty.type(name, carolsPhone.number.slice(-4))
    await tty.waitFor(name, new RegExp(`[❯>] ${carolsPhone.phone_id}`))
    tty.press(name, 'Enter')
    const screen = await tty.waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(new RegExp(`^phone_id\\s+${carolsPhone.phone_id}$`, 'm'))
    expect(screen).to.match(/^confirmation_code\s+\S+$/m)
  })

  it('import shows a progress bar on the terminal', async () => {
    const configDir = tempConfigDir()
    const file = join(configDir, 'people.csv')
    writeFileSync(file, ['username', ...Array.from({length: 250}, (_, i) => `tty${i}`)].join('\n'))
    const screen = await tty.waitFor(tty.start(['users', 'import', file, '--sandbox'], configDir), /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(/Importing \[[^\]]+\] 250\/250 users/)
    expect(screen).to.contain('Created 250 users in 3 batches.')
  })
})
