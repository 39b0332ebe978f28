import {expect} from 'chai'
import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

import {runCli, tempConfigDir} from '../helpers/cli.js'

const SKEY = 'SECRETsecretSECRETsecretSECRETsecret1234'
const IKEY = 'DIABCDEFGHIJKLMNOPQR'

describe('duo profiles (built CLI)', () => {
  it('adds a profile from flags and stdin, stores it 0600, and never prints the secret', async () => {
    const configDir = tempConfigDir()
    const add = await runCli(['profiles', 'add', 'prod', '--ikey', IKEY, '--host', 'api-1234abcd.duosecurity.com', '--skey-stdin', '--no-verify'], {
      configDir,
      input: SKEY + '\n',
    })
    expect(add.code, add.stderr).to.equal(0)
    expect(add.stdout + add.stderr).to.not.contain(SKEY)

    const file = join(configDir, 'config.json')
    expect(statSync(file).mode & 0o777).to.equal(0o600)
    expect(statSync(configDir).mode & 0o777).to.equal(0o700)
    expect(JSON.parse(readFileSync(file, 'utf8'))).to.deep.include({defaultProfile: 'prod'})

    for (const args of [['profiles', 'show', 'prod'], ['profiles', 'show', 'prod', '--json'], ['profiles', 'list'], ['profiles', 'list', '--json']]) {
      const shown = await runCli(args, {configDir})
      expect(shown.code, args.join(' ')).to.equal(0)
      expect(shown.stdout + shown.stderr, args.join(' ')).to.not.contain(SKEY)
      expect(shown.stdout, args.join(' ')).to.contain(IKEY)
    }

    const json = JSON.parse((await runCli(['profiles', 'show', '--json'], {configDir})).stdout)
    expect(json).to.include({default: true, host: 'api-1234abcd.duosecurity.com', ikey: IKEY, name: 'prod', signatureVersion: 5})
    expect(json.skey).to.match(/hidden/)
  })

  it('refuses to take the secret from a missing stdin or prompt without a terminal (exit 2, nothing saved)', async () => {
    const configDir = tempConfigDir()
    const result = await runCli(['profiles', 'add', 'x', '--ikey', IKEY, '--host', 'api-1234abcd.duosecurity.com'], {configDir})
    expect(result.code).to.equal(2)
    expect(result.stderr).to.contain('--skey-stdin')
    expect((await runCli(['profiles', 'list', '--json'], {configDir})).stdout.trim()).to.equal('[]')
  })

  it('refuses plain http for a non-loopback host (exit 3)', async () => {
    const result = await runCli(['profiles', 'add', 'x', '--ikey', IKEY, '--host', 'http://api.example.com', '--skey-stdin'], {input: SKEY})
    expect(result.code).to.equal(3)
    expect(result.stderr).to.match(/Plain http is refused/)
  })

  it('switches the default with use, and remove needs --yes without a terminal', async () => {
    const configDir = tempConfigDir()
    for (const name of ['a', 'b']) {
      await runCli(['profiles', 'add', name, '--ikey', IKEY, '--host', 'api-1234abcd.duosecurity.com', '--skey-stdin', '--no-verify'], {configDir, input: SKEY})
    }

    expect((await runCli(['profiles', 'use', 'b'], {configDir})).code).to.equal(0)
    expect(JSON.parse((await runCli(['profiles', 'show', '--json'], {configDir})).stdout).name).to.equal('b')

    const refused = await runCli(['profiles', 'remove', 'a'], {configDir})
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.contain('--yes')
    expect((await runCli(['profiles', 'remove', 'a', '--yes'], {configDir})).code).to.equal(0)
    const names = JSON.parse((await runCli(['profiles', 'list', '--json'], {configDir})).stdout).map((p: {name: string}) => p.name)
    expect(names).to.deep.equal(['b'])
  })

  it('fails with exit 3 and says how to add a profile when there are no credentials', async () => {
    const result = await runCli(['api', 'GET', '/admin/v1/users'])
    expect(result.code).to.equal(3)
    expect(result.stderr).to.contain('duo profiles add')
  })

  it('refuses DUO_HOST=http://example.com (exit 3) before sending anything', async () => {
    const result = await runCli(['api', 'GET', '/admin/v1/users'], {env: {DUO_HOST: 'http://example.com', DUO_IKEY: IKEY, DUO_SKEY: SKEY}})
    expect(result.code).to.equal(3)
    expect(result.stderr).to.match(/Plain http is refused for example\.com/)
  })

  it('prints errors as JSON on stderr in --json mode', async () => {
    const result = await runCli(['profiles', 'show', 'nope', '--json'])
    expect(result.code).to.equal(3)
    expect(result.stdout).to.equal('')
    expect(JSON.parse(result.stderr).error).to.include({exitCode: 3, message: 'No profile named "nope".'})
  })
})
