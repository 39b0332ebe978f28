// At a terminal, creating a user or group with status bypass or disabled (one, or a file's rows)
// asks first; answering "n" changes nothing in the sandbox. Driven through tmux.
import {expect} from 'chai'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {runCli, tempConfigDir} from '../helpers/cli.js'
import {terminals} from '../helpers/tmux.js'

const tty = terminals('weakening')

describe('creating with status bypass or disabled on a terminal (tmux)', function () {
  this.timeout(90_000)
  after(() => tty.stop())

  /** Starts `duo ARGS --sandbox`, waits for the question, answers n; the screen once it exited. */
  async function declined(args: string[], configDir: string, question: RegExp): Promise<string> {
    const name = tty.start([...args, '--sandbox'], configDir)
    await tty.waitFor(name, question)
    tty.type(name, 'n')
    tty.press(name, 'Enter')
    return tty.waitFor(name, /EXITED \d+/)
  }

  it('answering n to users create --status bypass, groups create --status disabled or an import with bypass rows leaves the sandbox unchanged', async () => {
    const configDir = tempConfigDir()
    const user = await declined(['users', 'create', '--username', 'kiosk', '--status', 'bypass'], configDir, /Create kiosk with status bypass\? They will log in without two-factor authentication\. \(y\/N\)/)
    expect(user).to.contain('Cancelled: nothing was changed.').and.contain('EXITED 1')

    const group = await declined(['groups', 'create', '--name', 'Kiosks', '--status', 'disabled'], configDir, /Create group Kiosks with status disabled\? Its members will be denied access\. \(y\/N\)/)
    expect(group).to.contain('EXITED 1')

    const file = join(configDir, 'kiosks.csv')
    writeFileSync(file, 'username,status\nkiosk-a,bypass\nkiosk-b,active\n')
    const imported = await declined(['users', 'import', file], configDir, /kiosks\.csv: 1 row sets status bypass \(two-factor authentication is skipped\)\. Continue\? \(y\/N\)/)
    expect(imported).to.contain('EXITED 1')

    const run = (args: string[]) => runCli([...args, '--sandbox', '--json'], {configDir})
    const [kiosk, kioskA, kioskB, groups] = await Promise.all([
      run(['users', 'list', '--username', 'kiosk']),
      run(['users', 'list', '--username', 'kiosk-a']),
      run(['users', 'list', '--username', 'kiosk-b']),
      run(['groups', 'list', '--all']),
    ])
    expect([kiosk.stdout, kioskA.stdout, kioskB.stdout].map((out) => JSON.parse(out))).to.deep.equal([[], [], []])
    expect((groups.stdout.trim().split('\n').map((line) => JSON.parse(line)) as Array<{name: string}>).map((g) => g.name)).to.not.include('Kiosks')
  })

  it('answering y creates the user with status bypass', async () => {
    const configDir = tempConfigDir()
    const name = tty.start(['users', 'create', '--username', 'kiosk', '--status', 'bypass', '--sandbox'], configDir)
    await tty.waitFor(name, /Create kiosk with status bypass\?.*\(y\/N\)/)
    tty.type(name, 'y')
    tty.press(name, 'Enter')
    expect(await tty.waitFor(name, /EXITED \d+/)).to.contain('EXITED 0')
    const [kiosk] = JSON.parse((await runCli(['users', 'list', '--username', 'kiosk', '--sandbox', '--json'], {configDir})).stdout) as Array<{status: string}>
    expect(kiosk.status).to.equal('bypass')
  })
})
