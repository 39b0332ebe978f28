// Class 5 of issue 13: a config.json others can read is named with the fix on every command that
// reads it; a file of the wrong shape is exit 3 with one line naming the file and the field.
import {expect} from 'chai'
import {chmodSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {runCli, tempConfigDir} from '../helpers/cli.js'

const IKEY = 'DIABCDEFGHIJKLMNOPQR'
const GOOD = {defaultProfile: 'a', profiles: {a: {host: 'api-1234abcd.duosecurity.com', ikey: IKEY, skey: 's'.repeat(40)}}}

function configWith(content: unknown, mode = 0o600): {configDir: string; file: string} {
  const configDir = tempConfigDir()
  const file = join(configDir, 'config.json')
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  chmodSync(file, mode)
  return {configDir, file}
}

describe('hardening: unsafe or malformed config (issue 13, class 5)', () => {
  if (process.platform !== 'win32') {
    for (const args of [['profiles', 'list'], ['profiles', 'show', 'a'], ['users', 'list', '--json'], ['profiles', 'use', 'a']]) {
      it(`duo ${args.join(' ')} with config.json mode 0644 warns with the chmod fix`, async () => {
        const {configDir, file} = configWith(GOOD, 0o644)
        // users list then fails to connect (no such host is reachable from tests); the warning comes first.
        const result = await runCli(args, {configDir})
        expect(result.stderr).to.contain(`Warning: ${file} holds secret keys and can be read by others (mode 0644). Fix: chmod 600 ${file}`)
        expect(result.stdout).to.not.contain('Warning')
      })
    }

    it('a 0600 file in a 0700 folder gives no warning', async () => {
      const {configDir} = configWith(GOOD)
      const result = await runCli(['profiles', 'list'], {configDir})
      expect(result.code).to.equal(0)
      expect(result.stderr).to.not.contain('Warning')
    })

    it('a folder others can list is named too', async () => {
      const {configDir} = configWith(GOOD)
      chmodSync(configDir, 0o755)
      const result = await runCli(['profiles', 'list'], {configDir})
      expect(result.stderr).to.contain(`Fix: chmod 700 ${configDir}`)
    })
  }

  for (const [content, field] of [
    [{profiles: {a: 'x'}}, 'profiles["a"] must be an object'],
    [{profiles: {a: 1}}, 'profiles["a"] must be an object'],
    [{profiles: []}, 'profiles must be an object'],
    [{profiles: 'x'}, 'profiles must be an object'],
    ['{"profiles":{"__proto__":{"ikey":"x"}}}', 'profiles["__proto__"] is not a valid profile name'],
    [{profiles: {a: {host: 'h', ikey: 5, skey: 's'}}}, 'profiles["a"].ikey must be a non-empty string'],
    [{profiles: {a: {host: 'h', ikey: 'i'}}}, 'profiles["a"].skey is missing'],
    [{profiles: {a: {host: 'h', ikey: 'i', signatureVersion: 3, skey: 's'}}}, 'profiles["a"].signatureVersion must be 2 or 5'],
    [{defaultProfile: 7, profiles: {}}, 'defaultProfile must be a string'],
    [[1, 2], 'the top level must be an object'],
    ['null', 'the top level must be an object'],
  ] as Array<[unknown, string]>) {
    it(`${typeof content === 'string' ? content : JSON.stringify(content)}: exit 3 naming ${field.split(' ')[0]}`, async () => {
      const {configDir, file} = configWith(content)
      for (const args of [['profiles', 'list'], ['users', 'list'], ['profiles', 'add', 'b', '--ikey', IKEY, '--host', 'api-1234abcd.duosecurity.com', '--skey-stdin']]) {
        const result = await runCli(args, {configDir, input: 's'.repeat(40)})
        expect(result.code, `${args.join(' ')}: ${result.stderr}`).to.equal(3)
        expect(result.stderr.split('\n')[0]).to.match(/^Error: /).and.contain(`${file}: ${field}`)
        expect(result.stderr).to.not.match(/Cannot read properties|TypeError/)
      }

      // Nothing was rewritten.
      expect(readFileSync(file, 'utf8')).to.equal(typeof content === 'string' ? content : JSON.stringify(content))
    })
  }

  it('refuses __proto__ as a new profile name (exit 2)', async () => {
    const result = await runCli(['profiles', 'add', '__proto__', '--ikey', IKEY, '--host', 'api-1234abcd.duosecurity.com', '--skey-stdin'], {input: 's'.repeat(40)})
    expect(result.code).to.equal(2)
    expect(result.stderr).to.contain('"__proto__" is not a valid profile name')
  })
})
