// bin/dev.js runs the TypeScript sources without a build (README, "Run the tests"): it must keep
// finding every command of src/commands, help included, as the bundle's manifest does.
import {expect} from 'chai'
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

import {tempConfigDir} from '../helpers/cli.js'

const DEV = fileURLToPath(new URL('../../bin/dev.js', import.meta.url))

describe('bin/dev.js (the sources, no build)', function () {
  this.timeout(60_000)

  it('runs `help users` from src/commands and lists the users commands', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--no-warnings', DEV, 'help', 'users'], {
      encoding: 'utf8',
      env: {...process.env, DUO_CONFIG_DIR: tempConfigDir()},
    })
    expect(result.status, result.stderr).to.equal(0)
    expect(result.stdout).to.contain('users get')
  })
})
