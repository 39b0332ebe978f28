// On a real terminal (tmux): pickers for every missing USER, GROUP and PHONE, tables that fit the
// terminal's width without cutting an identifier, Duo data with escape sequences shown escaped, a
// progress line that is gone before the data, and phones shown truthfully.
import {expect} from 'chai'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {runCli, tempConfigDir} from '../helpers/cli.js'
import {terminals} from '../helpers/tmux.js'

const ID = /DU[0-9A-Z]{18}/

describe('duo on a terminal: pickers, widths, escapes (tmux)', function () {
  this.timeout(60_000)
  const terminal = terminals('ergonomics')
  after(() => terminal.stop())

  it('users groups add with nothing named picks the user, then the group', async () => {
    const configDir = tempConfigDir()
    const name = terminal.start(['users', 'groups', 'add', '--sandbox'], configDir)
    await terminal.waitFor(name, /User \(type to search\)/)
    terminal.type(name, 'dave')
    await terminal.waitFor(name, /[❯>] dave \(Dave Miller, dave@example\.com\)/)
    terminal.press(name, 'Enter')
    await terminal.waitFor(name, /Group \(type to search\)/)
    terminal.type(name, 'help')
    await terminal.waitFor(name, /[❯>] Helpdesk \(IT support staff\)/)
    terminal.press(name, 'Enter')
    const screen = await terminal.waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(/Added dave to group DG[0-9A-Z]{18}\./)
    const groups = JSON.parse((await runCli(['users', 'groups', 'list', 'dave', '--sandbox', '--json'], {configDir})).stdout) as Array<{name: string}>
    expect(groups.map((g) => g.name)).to.include('Helpdesk')
  })

  it('users phones remove with no PHONE_ID picks among the user\'s phones, then confirms', async () => {
    const configDir = tempConfigDir()
    const [phone] = JSON.parse((await runCli(['users', 'phones', 'list', 'alice', '--sandbox', '--json'], {configDir})).stdout) as Array<{phone_id: string; number: string}>
    const name = terminal.start(['users', 'phones', 'remove', 'alice', '--sandbox'], configDir)
    await terminal.waitFor(name, new RegExp(`[❯>] \\${phone.number} .*${phone.phone_id}`))
    terminal.press(name, 'Enter')
    await terminal.waitFor(name, new RegExp(`Detach phone ${phone.phone_id} from alice\\?.*\\(y/N\\)`))
    terminal.type(name, 'y')
    terminal.press(name, 'Enter')
    const screen = await terminal.waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    const left = JSON.parse((await runCli(['users', 'phones', 'list', 'alice', '--sandbox', '--json'], {configDir})).stdout) as unknown[]
    expect(left).to.deep.equal([])
  })

  it('users phones list with no USER opens the user picker', async () => {
    const name = terminal.start(['users', 'phones', 'list', '--sandbox'], tempConfigDir())
    await terminal.waitFor(name, /User \(type to search\)/)
    terminal.type(name, 'carol')
    await terminal.waitFor(name, /[❯>] carol/)
    terminal.press(name, 'Enter')
    const screen = await terminal.waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(/^PHONE_ID\s+NUMBER/m)
  })

  it('a table fits a 100-column terminal: free text ends in an ellipsis, user ids are whole', async () => {
    const name = terminal.start(['users', 'list', '--sandbox'], tempConfigDir(), {columns: 100})
    const screen = await terminal.waitFor(name, /EXITED \d+/)
    const lines = screen.split('\n').filter((line) => /^(USERNAME|alice|bob|carol|heidi)\b/.test(line))
    expect(lines).to.have.length(5)
    for (const line of lines) expect(line.length, line).to.be.at.most(100)
    for (const line of lines.slice(1)) expect(line).to.match(new RegExp(`\\s${ID.source}$`))
    expect(screen).to.contain('…')
  })

  it('--all never cuts an identifier that arrives on a later page: its column widens from that row on', async () => {
    const configDir = tempConfigDir()
    const long = 'zed.with.a.rather.long.username.for.a.table@example.com'
    expect((await runCli(['users', 'create', '--username', long, '--sandbox'], {configDir})).code).to.equal(0)
    const name = terminal.start(['users', 'list', '--all', '--limit', '2', '--fields', 'username,status,user_id', '--sandbox'], configDir)
    const screen = await terminal.waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0')
    expect(screen).to.match(new RegExp(`^${long.replaceAll('.', '\\.')}\\s+active\\s+${ID.source}$`, 'm'))
    expect(screen).to.match(new RegExp(`^alice\\s+active\\s+${ID.source}$`, 'm'))
    // The progress line ("Fetched 4 of 9 users") is cleared before each page and at the end.
    expect(screen).to.not.contain('Fetched')
  })

  it('a realname holding escape sequences is shown escaped, and does not clear the screen', async () => {
    const configDir = tempConfigDir()
    const hostile = 'Mallory \u001b]0;pwned\u0007\u001b[2J\u001b[H'
    // duo refuses control characters in what it sends, so the name is put in Duo's data (the
    // embedded sandbox's state) directly, as a directory sync or another tool could have.
    expect((await runCli(['users', 'create', '--username', 'mallory', '--realname', 'Mallory', '--sandbox'], {configDir})).code).to.equal(0)
    const stateFile = join(configDir, 'sandbox', 'state.json')
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as {users: Array<{realname: string; username: string}>}
    state.users.find((u) => u.username === 'mallory')!.realname = hostile
    writeFileSync(stateFile, JSON.stringify(state))
    const name = terminal.start(['users', 'get', 'mallory', '--sandbox'], configDir)
    const screen = await terminal.waitFor(name, /EXITED \d+/)
    expect(screen).to.match(/^username\s+mallory$/m)
    expect(screen).to.match(/^realname\s+Mallory \^\[\]0;pwned\^G\^\[\[2J\^\[\[H$/m)
    // The sandbox notice printed before the record is still there: nothing cleared the screen.
    expect(screen.indexOf('sandbox')).to.be.lessThan(screen.indexOf('username'))
  })

  it('users get shows a phone\'s number where its name is empty, and phones\' last_seen in UTC', async () => {
    const configDir = tempConfigDir()
    const get = terminal.start(['users', 'get', 'alice', '--sandbox'], configDir)
    expect(await terminal.waitFor(get, /EXITED \d+/)).to.match(/^phones\s+\+15550100001$/m)
    const phones = terminal.start(['users', 'phones', 'list', 'alice', '--fields', 'number,last_seen', '--sandbox'], configDir)
    expect(await terminal.waitFor(phones, /EXITED \d+/)).to.match(/^\+15550100001\s+2024-03-04 15:04Z$/m)
  })
})
