// Class 7 of issue 13 (CLI side): setting a user or group to bypass or disabled asks first, and
// needs --yes without a terminal; nothing is sent before the answer (recording proxy), and a
// person at a terminal (tmux) is asked with "no" as the default.
import {expect} from 'chai'
import {execFileSync} from 'node:child_process'

import {BIN, runCli, tempConfigDir} from '../helpers/cli.js'
import {type Recorder, startRecorder} from './recorder.js'

const SOCKET = `duo-hardening-tty-${process.pid}`
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], {encoding: 'utf8'})

async function screenMatching(name: string, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-S', '-', '-t', name)
    if (pattern.test(screen)) return screen
    if (Date.now() > deadline) throw new Error(`${pattern} did not appear; the screen shows:\n${screen}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('hardening: changes that weaken security are confirmed (issue 13, class 7)', function () {
  this.timeout(60_000)
  let recorder: Recorder
  before(async () => {
    recorder = await startRecorder()
  })
  after(async () => {
    await recorder.close()
    try {
      tmux('kill-server')
    } catch {
      // No session was started.
    }
  })
  beforeEach(() => {
    recorder.seen.length = 0
  })

  for (const args of [
    ['users', 'update', 'alice', '--status', 'bypass'],
    ['users', 'update', 'alice', '--status', 'disabled'],
    ['users', 'update', 'alice', '--status', 'bypass', '--notes', 'x', '--json'],
    ['groups', 'update', 'Engineering', '--status', 'disabled'],
    ['groups', 'update', 'Engineering', '--status', 'bypass'],
  ]) {
    it(`duo ${args.join(' ')} without a terminal or --yes: exit 2, nothing sent`, async () => {
      const result = await runCli(args, {env: recorder.env})
      expect(result.code, result.stderr).to.equal(2)
      expect(result.stderr).to.match(/Refusing to continue without confirmation: (Set|Disable) .*(two-factor|denied access|not be able to log in)/)
      expect(result.stderr).to.contain('--yes')
      expect(recorder.seen).to.deep.equal([])
    })
  }

  it('with --yes the change is made; a change to active or to other fields does not ask', async () => {
    const bypass = await runCli(['users', 'update', 'alice', '--status', 'bypass', '--yes', '--json'], {env: recorder.env})
    expect(bypass.code, bypass.stderr).to.equal(0)
    expect(JSON.parse(bypass.stdout)).to.include({status: 'bypass', username: 'alice'})
    const back = await runCli(['users', 'update', 'alice', '--status', 'active', '--json'], {env: recorder.env})
    expect(back.code, back.stderr).to.equal(0)
    const notes = await runCli(['groups', 'update', 'Engineering', '--desc', 'Builds things', '--json'], {env: recorder.env})
    expect(notes.code, notes.stderr).to.equal(0)
  })

  it('on a terminal it asks, default no: Enter cancels (exit 1, nothing changed), y applies', async () => {
    const configDir = tempConfigDir()
    const env = `HOME='${process.env.HOME}' PATH='${process.env.PATH}' DUO_CONFIG_DIR='${configDir}' DUO_HOST='${recorder.url}' DUO_IKEY='${recorder.ikey}' DUO_SKEY='${recorder.skey}' NO_COLOR=1 TERM=xterm`
    const run = (name: string) =>
      tmux('new-session', '-d', '-s', name, '-x', '200', '-y', '50', `env -i ${env} '${process.execPath}' '${BIN}' users update bob --status bypass; echo "EXITED $?"; sleep 600`)
    run('refuse')
    await screenMatching('refuse', /Set bob to bypass\? They will log in without two-factor authentication\. \(y\/N\)/)
    tmux('send-keys', '-t', 'refuse', 'Enter')
    expect(await screenMatching('refuse', /EXITED \d+/)).to.contain('EXITED 1')
    expect(recorder.seen).to.deep.equal([])

    run('accept')
    await screenMatching('accept', /Set bob to bypass\?/)
    tmux('send-keys', '-t', 'accept', '-l', 'y')
    tmux('send-keys', '-t', 'accept', 'Enter')
    expect(await screenMatching('accept', /EXITED \d+/)).to.contain('EXITED 0')
    const bob = await runCli(['users', 'get', 'bob', '--json'], {env: recorder.env})
    expect(JSON.parse(bob.stdout)).to.include({status: 'bypass'})
  })
})
