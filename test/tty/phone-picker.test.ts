// The `duo phones` commands without PHONE on a terminal: a type-to-search picker over the account's
// phones (number, name, platform, the users who have it), driven through tmux.
import {expect} from 'chai'

import {runCli, tempConfigDir} from '../helpers/cli.js'
import {terminals} from '../helpers/tmux.js'

const tty = terminals('phone-picker')

describe('duo phones on a terminal: the account-wide phone picker (tmux)', function () {
  this.timeout(90_000)
  after(() => tty.stop())

  it('phones get with no PHONE lists the account\'s phones with their users; typing a username narrows it', async () => {
    const configDir = tempConfigDir()
    const name = tty.start(['phones', 'get', '--sandbox'], configDir)
    // The question shows at once; the choices once the first page of phones has arrived.
    const all = await tty.waitFor(name, /\+15550100005 \(Unknown; erin\) DP[0-9A-Z]{18}/)
    expect(all).to.contain('Phone (type a number, name, platform or username)')
    expect(all).to.match(/\+15550100001 \(Apple iOS; alice\) DP[0-9A-Z]{18}/)
    tty.type(name, 'bob')
    await tty.waitFor(name, /[❯>] \+15550100002 \(Google Android; bob\) DP[0-9A-Z]{18}/)
    tty.press(name, 'Enter')
    const screen = await tty.waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(/^number\s+\+15550100002$/m)
    expect(screen).to.match(/^platform\s+Google Android$/m)
  })

  it('phones delete with no PHONE picks by platform (typed), then confirms; answering y deletes the phone picked', async () => {
    const configDir = tempConfigDir()
    const name = tty.start(['phones', 'delete', '--sandbox'], configDir)
    await tty.waitFor(name, /Phone \(type a number/)
    tty.type(name, 'unknown')
    await tty.waitFor(name, /[❯>] \+15550100005 \(Unknown; erin\) DP[0-9A-Z]{18}/)
    tty.press(name, 'Enter')
    await tty.waitFor(name, /Delete phone DP[0-9A-Z]{18}\? It is detached from everyone who has it.*\(y\/N\)/)
    tty.type(name, 'y')
    tty.press(name, 'Enter')
    const screen = await tty.waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    const gone = await runCli(['phones', 'get', '+15550100005', '--sandbox'], {configDir})
    expect(gone.code).to.equal(4)
    const kept = await runCli(['phones', 'get', '+15550100002', '--sandbox'], {configDir})
    expect(kept.code, kept.stderr).to.equal(0)
  })

  it('users phones add USER with neither PHONE_ID nor --number picks one of the account\'s phones and attaches it', async () => {
    const configDir = tempConfigDir()
    const name = tty.start(['users', 'phones', 'add', 'heidi', '--sandbox'], configDir)
    await tty.waitFor(name, /Phone \(type a number/)
    tty.type(name, 'carol')
    await tty.waitFor(name, /[❯>] \+15550100003 \(Apple iOS; carol\) DP[0-9A-Z]{18}/)
    tty.press(name, 'Enter')
    const screen = await tty.waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(/Attached phone DP[0-9A-Z]{18} to heidi\./)
    const phones = JSON.parse((await runCli(['users', 'phones', 'list', 'heidi', '--sandbox', '--json'], {configDir})).stdout) as Array<{number: string}>
    expect(phones.map((p) => p.number)).to.deep.equal(['+15550100003'])
  })

  it('without a terminal a missing PHONE is a usage error, as before', async () => {
    const configDir = tempConfigDir()
    const [get, add] = await Promise.all([runCli(['phones', 'get', '--sandbox'], {configDir}), runCli(['users', 'phones', 'add', 'heidi', '--sandbox'], {configDir})])
    expect(get.code).to.equal(2)
    expect(get.stderr).to.contain('Missing ID.')
    expect(add.code).to.equal(2)
    expect(add.stderr).to.contain('Missing the phone: give a PHONE_ID or --number')
  })
})
