// `duo` alone on a terminal, driven through tmux as a helpdesk technician would: pick the caller,
// read their screen, run two actions, leave.
import {expect} from 'chai'

import {runCli, tempConfigDir} from '../helpers/cli.js'
import {terminals} from '../helpers/tmux.js'
import {type RunningSandbox, startSandbox} from '../../src/sandbox/server.js'

describe('the guided session: duo alone on a terminal (tmux)', function () {
  this.timeout(90_000)
  const tty = terminals('guided')
  let sandbox: RunningSandbox
  let env: Record<string, string>
  before(async () => {
    sandbox = await startSandbox({port: 0, pushDelayMs: 200})
    env = {DUO_HOST: sandbox.url, DUO_IKEY: sandbox.ikey, DUO_SKEY: sandbox.skey}
  })
  after(async () => {
    tty.stop()
    await sandbox.close()
  })

  it('picks the caller, shows their devices, issues bypass codes, removes a group, and leaves on Esc', async () => {
    const configDir = tempConfigDir()
    const pane = tty.start([], {columns: 80, configDir, env, rows: 60})
    await tty.waitFor(pane, /User \(type to search\)/)
    tty.type(pane, 'carol')
    await tty.waitFor(pane, /❯ carol \(Carol Nguyen/)
    tty.press(pane, 'Enter')
    const card = await tty.waitFor(pane, /What next\?/)
    expect(card).to.match(/^carol {2}Carol Nguyen {2}<carol@example\.com>$/m)
    expect(card).to.match(/^Status {4}active$/m).and.match(/^Groups {4}Engineering, Helpdesk$/m)
    expect(card).to.match(/^Phones {4}\+15550100003 {2}\S.* {2}activated {2}seen \d{4}-\d\d-\d\d \d\d:\d\dZ$/m)
    expect(card).to.match(/^Last authentications\n {10}\d{4}-\d\d-\d\d \d\d:\d\dZ {2}(success|denied|fraud) {2}/m)
    expect(card.split('\n').every((line) => line.length <= 80)).to.equal(true)

    // Menu: Verify, Replace a lost phone, Issue bypass codes, Add to a group, Remove from a group, …
    expect(card).to.match(/❯ Verify the caller.*\n\s+Replace a lost phone.*\n\s+Issue bypass codes\n\s+Add to a group\n\s+Remove from a group/)
    tty.press(pane, 'Down', 'Down', 'Enter')
    await tty.waitFor(pane, /Valid for/)
    tty.press(pane, 'Down', 'Enter')
    await tty.waitFor(pane, /Go ahead\? \(y\/N\)/)
    tty.press(pane, 'y', 'Enter')
    const issued = await tty.waitFor(pane, /Bypass {4}2 codes outstanding/)
    expect(issued).to.match(/✓ Issue 2 bypass codes to carol, valid until \d{4}-\d\d-\d\d \d\d:\d\dZ\n {4}\d{9}\n {4}\d{9}/)

    tty.press(pane, 'Down', 'Down', 'Down', 'Down', 'Enter')
    await tty.waitFor(pane, /Remove from/)
    tty.press(pane, 'Down', 'Enter')
    await tty.waitFor(pane, /Remove carol from group Helpdesk[\s\S]*Go ahead\? \(y\/N\)/)
    tty.press(pane, 'y', 'Enter')
    await tty.waitFor(pane, /✓ Remove carol from group Helpdesk[\s\S]*Groups {4}Engineering\n/)

    tty.press(pane, 'Escape')
    expect(await tty.waitFor(pane, /EXITED \d+/)).to.contain('EXITED 0')

    const carol = await runCli(['users', 'get', 'carol', '--json'], {env})
    expect(JSON.parse(carol.stdout).groups.map((g: {name: string}) => g.name)).to.deep.equal(['Engineering'])
    const codes = await runCli(['users', 'bypass-codes', 'list', 'carol', '--json'], {env})
    expect(JSON.parse(codes.stdout)).to.have.length(2)
  })

  it('leaves with exit 130 on Ctrl-C', async () => {
    const pane = tty.start(['case'], {columns: 80, configDir: tempConfigDir(), env})
    await tty.waitFor(pane, /User \(type to search\)/)
    tty.press(pane, 'C-c')
    expect(await tty.waitFor(pane, /EXITED \d+/)).to.contain('EXITED 130')
  })

  it('never starts without a terminal: duo alone prints help, duo case is a usage error', async () => {
    const help = await runCli([], {env})
    expect(help.code).to.equal(0)
    expect(help.stdout).to.contain('USAGE').and.contain('case')
    const guided = await runCli(['case'], {env})
    expect(guided.code).to.equal(2)
    expect(guided.stderr).to.contain('needs a terminal')
  })
})
