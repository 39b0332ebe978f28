import {expect} from 'chai'
import {readFileSync} from 'node:fs'

import {ROOT, runCli, tempConfigDir} from '../helpers/cli.js'

describe('the README\'s first command', () => {
  it('lists the demo users from the embedded sandbox, and says so on stderr', async () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8')
    const line = /npm install && \.\/bin\/run\.js ([^\n`]+)/.exec(readme)
    expect(line, 'the README shows `npm install && ./bin/run.js …`').to.not.equal(null)
    const configDir = tempConfigDir()
    const result = await runCli(line![1].trim().split(/\s+/), {configDir})
    expect(result.code, result.stderr).to.equal(0)
    expect(result.stdout).to.match(/^USERNAME\s+REALNAME\s+EMAIL/)
    expect(result.stdout).to.contain('alice').and.contain('Alice Smith')
    expect(result.stderr).to.contain('embedded sandbox')

    // State persists under the config dir: what one command creates, the next one sees.
    await runCli(['api', 'POST', '/admin/v1/users', '-p', 'username=persisted', '--sandbox'], {configDir})
    expect((await runCli(['users', 'list', '--sandbox', '--username', 'persisted', '--json'], {configDir})).stdout).to.contain('"persisted"')
  })
})
