import {expect} from 'chai'

import {runCli} from '../helpers/cli.js'
import {sandboxSession} from '../helpers/sandbox-session.js'

type Row = Record<string, unknown>

describe('duo tokens|webauthn|desktop-authenticators|bypass-codes (built CLI, sandbox)', function () {
  this.timeout(90_000)
  const duo = sandboxSession()
  /** `duo ARGS` with `input` piped on stdin (no terminal). */
  const piped = (args: string[], input: string) => {
    const {ikey, skey, url} = duo.sandbox
    return runCli(args, {env: {DUO_HOST: url, DUO_IKEY: ikey, DUO_SKEY: skey}, input})
  }

  it('tokens list shows every token with its users; --type and --serial find one; --type alone exits 2', async () => {
    const [table, found, half] = await Promise.all([
      duo.run(['tokens', 'list']),
      duo.json<Row[]>(['tokens', 'list', '--type', 'h6', '--serial', '100003']),
      duo.run(['tokens', 'list', '--type', 'h6']),
    ])
    expect(table.stdout).to.match(/^TOKEN_ID\s+TYPE\s+SERIAL\s+TOTP_STEP\s+USERS/).and.match(/h6\s+100003\s+dave/).and.match(/t6\s+TOTP-0001\s+30/)
    expect(found.map((t) => t.serial)).to.deep.equal(['100003'])
    expect(half.code).to.equal(2)
  })

  it('tokens create reads the secret from stdin, never echoes it, and refuses a bad or missing one before sending', async () => {
    const created = await piped(['tokens', 'create', '--type', 'h6', '--serial', 'H-100', '--json'], '0123456789abcdef0123\n')
    expect(created.code, created.stderr).to.equal(0)
    const token = JSON.parse(created.stdout) as Row
    expect(token).to.include({serial: 'H-100', type: 'h6'})
    expect(created.stdout + created.stderr).to.not.contain('0123456789abcdef0123')

    const yubikey = await piped(['tokens', 'create', '--type', 'yk', '--serial', 'Y-100'], `${'ab'.repeat(6)} ${'cd'.repeat(16)}`)
    expect(yubikey.code, yubikey.stderr).to.equal(0)
    expect(yubikey.stdout).to.match(/^type\s+yk$/m)
    expect(yubikey.stderr).to.match(/Created yk token DH[0-9A-Z]{18} \(serial Y-100\)/)

    const before = duo.sandbox.requestCount()
    const [missing, notHex, shortKey, counterOnTotp] = await Promise.all([
      piped(['tokens', 'create', '--type', 'h6', '--serial', 'H-101'], ''),
      piped(['tokens', 'create', '--type', 'h6', '--serial', 'H-101'], 'not-hex'),
      piped(['tokens', 'create', '--type', 'yk', '--serial', 'Y-101'], 'abcd'),
      piped(['tokens', 'create', '--type', 't6', '--serial', 'T-101', '--counter', '3'], 'abcd'),
    ])
    for (const refused of [missing, notHex, shortKey, counterOnTotp]) expect(refused.code, refused.stderr).to.equal(2)
    expect(missing.stderr).to.contain('on stdin')
    expect(notHex.stderr).to.contain('Hex digits only')
    expect(duo.sandbox.requestCount()).to.equal(before)

    const help = await duo.run(['tokens', 'create', '--help'])
    expect(help.stdout).to.not.match(/--secret\b/)
  })

  it('tokens get, resync (RFC 4226 codes for the demo token) and delete, which asks first and detaches the token', async () => {
    const [token] = await duo.json<Row[]>(['tokens', 'list', '--type', 'h6', '--serial', '100003'])
    const shown = await duo.run(['tokens', 'get', String(token.token_id)])
    expect(shown.stdout).to.match(/^serial\s+100003$/m).and.match(/^users\s+dave$/m)
    const badCode = await duo.run(['tokens', 'resync', String(token.token_id), '1', '2', '3'])
    expect(badCode.code).to.equal(2)
    const wrong = await duo.run(['tokens', 'resync', String(token.token_id), '111111', '222222', '333333'])
    expect(wrong.code).to.equal(1)
    const resynced = await duo.run(['tokens', 'resync', String(token.token_id), '287082', '359152', '969429'])
    expect(resynced.code, resynced.stderr).to.equal(0)
    expect(resynced.stderr).to.contain(`Resynchronized hardware token ${token.token_id}.`)

    const refused = await duo.run(['tokens', 'delete', String(token.token_id)])
    expect(refused.code).to.equal(2)
    expect(refused.stderr).to.contain(`Delete hardware token ${token.token_id}?`)
    expect(await duo.json<Row[]>(['users', 'tokens', 'list', 'dave'])).to.have.length(1)
    expect(await duo.json<Row>(['tokens', 'delete', String(token.token_id), '--yes'])).to.deep.equal({token_id: token.token_id})
    expect(await duo.json<Row[]>(['users', 'tokens', 'list', 'dave'])).to.deep.equal([])
    expect((await duo.run(['tokens', 'get', String(token.token_id)])).code).to.equal(4)
  })

  it('webauthn list shows every credential with its owner; get; delete asks first and removes it from the user', async () => {
    const [table, credentials] = await Promise.all([duo.run(['webauthn', 'list']), duo.json<Row[]>(['webauthn', 'list'])])
    expect(table.stdout).to.match(/^CREDENTIAL_NAME\s+USER\s+LABEL/).and.match(/YubiKey 5 NFC\s+alice/).and.match(/MacBook passkey\s+carol\s+iCloud Keychain/)
    const passkey = credentials.find((c) => c.credential_name === 'MacBook passkey')!
    const shown = await duo.run(['webauthn', 'get', String(passkey.webauthnkey)])
    expect(shown.stdout).to.match(/^registered_as\s+platform$/m).and.match(/^user\s+carol$/m)
    const refused = await duo.run(['webauthn', 'delete', String(passkey.webauthnkey)])
    expect(refused.code).to.equal(2)
    expect(await duo.json<Row[]>(['users', 'webauthn', 'list', 'carol'])).to.have.length(1)
    expect((await duo.run(['webauthn', 'delete', String(passkey.webauthnkey), '--yes'])).code).to.equal(0)
    expect(await duo.json<Row[]>(['users', 'webauthn', 'list', 'carol'])).to.deep.equal([])
  })

  it('desktop-authenticators list, get and delete (confirmed)', async () => {
    const [table, [authenticator]] = await Promise.all([duo.run(['desktop-authenticators', 'list']), duo.json<Row[]>(['desktop-authenticators', 'list'])])
    expect(table.stdout).to.match(/^DEVICE_NAME\s+USER\s+OS_FAMILY/).and.match(/CAROL-MBP\s+carol\s+macOS/)
    expect(await duo.json<Row>(['desktop-authenticators', 'get', String(authenticator.dakey)])).to.deep.equal(authenticator)
    expect((await duo.run(['desktop-authenticators', 'delete', String(authenticator.dakey)])).code).to.equal(2)
    expect((await duo.run(['desktop-authenticators', 'delete', String(authenticator.dakey), '--yes'])).code).to.equal(0)
    expect(await duo.json<Row[]>(['desktop-authenticators', 'list'])).to.deep.equal([])
  })

  it('bypass-codes list shows metadata (never a code), get, delete (confirmed); a code created for a user shows up', async () => {
    const created = await duo.json<string[]>(['users', 'bypass-codes', 'create', 'bob', '--count', '1', '--valid-secs', '7d', '--yes'])
    const [table, codes] = await Promise.all([duo.run(['bypass-codes', 'list']), duo.json<Row[]>(['bypass-codes', 'list'])])
    expect(table.stdout).to.match(/^BYPASS_CODE_ID\s+USER\s+CREATED\s+EXPIRATION\s+REUSE_COUNT/).and.match(/erin/).and.match(/bob/)
    expect(table.stdout + JSON.stringify(codes)).to.not.contain(created[0])
    const bobs = codes.find((c) => (c.user as Row).username === 'bob')!
    expect(Number(bobs.expiration) - Number(bobs.created)).to.equal(7 * 86_400)
    const shown = await duo.run(['bypass-codes', 'get', String(bobs.bypass_code_id)])
    expect(shown.stdout).to.match(/^user\s+bob$/m).and.match(/^expiration\s+\d{4}-\d\d-\d\d \d\d:\d\dZ$/m)
    expect((await duo.run(['bypass-codes', 'delete', String(bobs.bypass_code_id)])).code).to.equal(2)
    expect((await duo.run(['bypass-codes', 'delete', String(bobs.bypass_code_id), '--yes'])).code).to.equal(0)
    expect(await duo.json<Row[]>(['users', 'bypass-codes', 'list', 'bob'])).to.deep.equal([])
  })
})
