// `duo autocomplete bash` in a real bash (tmux): the completion it installs completes `duo us<TAB>`
// to `duo users`, from the cache it builds of this version's commands.
import {expect} from 'chai'
import {mkdirSync, mkdtempSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'

import {BIN} from '../helpers/cli.js'
import {terminals} from '../helpers/tmux.js'

describe('shell completion (tmux, bash)', function () {
  this.timeout(60_000)
  const terminal = terminals('completion')
  after(() => terminal.stop())

  it('duo autocomplete bash, then the script line: TAB completes `duo us` to `duo users`', async () => {
    const home = mkdtempSync(join(tmpdir(), 'duo-completion-'))
    const bin = join(home, 'bin')
    mkdirSync(bin)
    // Completion is registered for the command `duo`, so it has to be on PATH under that name.
    symlinkSync(BIN, join(bin, 'duo'))
    const env = {
      DUO_CONFIG_DIR: join(home, 'config'),
      HOME: home,
      PATH: `${bin}:${dirname(process.execPath)}:/usr/bin:/bin`,
      TERM: 'xterm',
      XDG_CACHE_HOME: join(home, 'cache'),
    }
    const name = terminal.shell('bash --norc --noprofile', env)
    terminal.type(name, 'cd "$HOME" && duo autocomplete bash > setup.txt && eval "$(duo autocomplete script bash)" && echo COMPLETION-READY')
    terminal.press(name, 'Enter')
    await terminal.waitFor(name, /^COMPLETION-READY$/m)
    terminal.type(name, 'duo us')
    terminal.press(name, 'Tab')
    const screen = await terminal.waitFor(name, /duo users\s*$/m)
    expect(screen.trimEnd().split('\n').at(-1)).to.match(/\$ duo users|# duo users/)
  })
})
