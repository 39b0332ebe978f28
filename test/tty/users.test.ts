// The questions a person at a terminal gets, driven through tmux: the prompt for a missing username,
// and the confirmation before a delete (default no). Each test file runs its own tmux server.
import {expect} from 'chai'
import {execFileSync} from 'node:child_process'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {BIN, runCli, tempConfigDir} from '../helpers/cli.js'

const SOCKET = `duo-tty-${process.pid}`
let sessions = 0

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], {encoding: 'utf8'})

/** Starts `duo ARGS` in a 200x50 terminal; the pane stays open after it exits, showing its exit code. */
function terminal(args: string[], configDir: string): string {
  const name = `duo-${process.pid}-${++sessions}`
  const env = `HOME='${process.env.HOME}' PATH='${process.env.PATH}' DUO_CONFIG_DIR='${configDir}' NO_COLOR=1 TERM=xterm`
  tmux('new-session', '-d', '-s', name, '-x', '200', '-y', '50', `env -i ${env} '${process.execPath}' '${BIN}' ${args.join(' ')}; echo "EXITED $?"; sleep 600`)
  return name
}

async function waitFor(name: string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-S', '-', '-t', name)
    if (pattern.test(screen)) return screen
    if (Date.now() > deadline) throw new Error(`${pattern} did not appear; the screen shows:\n${screen}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('duo users on a terminal (tmux)', function () {
  // Several runs of the built CLI each: generous, for machines busy with other test runs.
  this.timeout(60_000)

  after(() => {
    try {
      tmux('kill-server')
    } catch {
      // No session was started, so there is no server.
    }
  })

  it('create asks for the missing username, then creates that user', async () => {
    const configDir = tempConfigDir()
    const name = terminal(['users', 'create', '--sandbox', '--realname', 'Tty\\ User'], configDir)
    await waitFor(name, /Username for the new user:/)
    tmux('send-keys', '-t', name, '-l', 'ttyuser')
    tmux('send-keys', '-t', name, 'Enter')
    const screen = await waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(/Created user ttyuser \(DU[0-9A-Z]{18}\)/)

    const created = await runCli(['users', 'get', 'ttyuser', '--sandbox', '--json'], {configDir})
    expect(created.code, created.stderr).to.equal(0)
    expect(JSON.parse(created.stdout)).to.include({realname: 'Tty User', status: 'active', username: 'ttyuser'})
  })

  it('delete asks for confirmation, defaulting to no; answering y deletes the user', async () => {
    const configDir = tempConfigDir()
    const declined = terminal(['users', 'delete', 'bob', '--sandbox'], configDir)
    await waitFor(declined, /Delete user bob permanently\?.*\(y\/N\)/)
    tmux('send-keys', '-t', declined, 'Enter')
    const kept = await waitFor(declined, /EXITED \d+/)
    expect(kept).to.contain('EXITED 1')
    expect(kept).to.contain('Cancelled: nothing was changed.')

    const name = terminal(['users', 'delete', 'bob', '--sandbox'], configDir)
    const question = await waitFor(name, /Delete user bob permanently\?.*\(y\/N\)/)
    expect(question).to.not.contain('EXITED')
    tmux('send-keys', '-t', name, '-l', 'y')
    tmux('send-keys', '-t', name, 'Enter')
    const screen = await waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(/Deleted user bob \(DU[0-9A-Z]{18}\)/)

    const gone = await runCli(['users', 'get', 'bob', '--sandbox'], {configDir})
    expect(gone.code).to.equal(4)
  })

  it('get without USER searches usernames as you type and shows the one picked', async () => {
    const name = terminal(['users', 'get', '--sandbox'], tempConfigDir())
    await waitFor(name, /User \(type to search\)/)
    tmux('send-keys', '-t', name, '-l', 'car')
    // Until the list for "car" is shown, the pointer is still on the first match for "c" (alice).
    await waitFor(name, /[❯>] carol \(Carol Nguyen, carol@example\.com\)/)
    tmux('send-keys', '-t', name, 'Enter')
    const screen = await waitFor(name, /EXITED \d+/)
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

    const name = terminal(['users', 'verify-push', 'send', 'alice', '--sandbox'], configDir)
    await waitFor(name, /Send a verification Duo Push to alice\?.*\(y\/N\)/)
    tmux('send-keys', '-t', name, '-l', 'y')
    tmux('send-keys', '-t', name, 'Enter')
    await waitFor(name, /Which of alice's phones\?/)
    // Typing part of carol's number narrows the list to that phone.
    tmux('send-keys', '-t', name, '-l', carolsPhone.number.slice(-4))
    await waitFor(name, new RegExp(`[❯>] ${carolsPhone.phone_id}`))
    tmux('send-keys', '-t', name, 'Enter')
    const screen = await waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(new RegExp(`^phone_id\\s+${carolsPhone.phone_id}$`, 'm'))
    expect(screen).to.match(/^confirmation_code\s+\S+$/m)
  })

  it('import shows a progress bar on the terminal', async () => {
    const configDir = tempConfigDir()
    const file = join(configDir, 'people.csv')
    writeFileSync(file, ['username', ...Array.from({length: 250}, (_, i) => `tty${i}`)].join('\n'))
    const screen = await waitFor(terminal(['users', 'import', file, '--sandbox'], configDir), /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(/Importing \[[^\]]+\] 250\/250 users/)
    expect(screen).to.contain('Created 250 users in 3 batches.')
  })
})
