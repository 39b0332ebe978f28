// The lost-phone story as a helpdesk person runs it at a terminal, one command per step, answering
// the questions: confirmations (default no), the platform of a new phone, the QR code of the
// activation link; and a token secret typed at a hidden prompt.
import {expect} from 'chai'

import {runCli, tempConfigDir} from '../helpers/cli.js'
import {terminals} from '../helpers/tmux.js'

type Row = Record<string, unknown>

describe('duo devices on a terminal (tmux)', function () {
  this.timeout(90_000)
  const tty = terminals('devices')
  after(() => tty.stop())

  /** Runs `duo ARGS --sandbox`, answers y to the confirmation matching `question`, and returns the final screen. */
  async function confirmed(args: string[], configDir: string, question: RegExp): Promise<string> {
    const name = tty.start([...args, '--sandbox'], configDir)
    const asked = await tty.waitFor(name, question)
    expect(asked).to.not.contain('EXITED')
    tty.type(name, 'y')
    tty.press(name, 'Enter')
    return tty.waitFor(name, /EXITED \d+/)
  }

  it('lost phone: detach it, attach the new number (platform asked), show the activation QR code, text the link, give bypass codes', async () => {
    const configDir = tempConfigDir()
    const detached = await confirmed(['users', 'phones', 'remove', 'alice', '+15550100001'], configDir, /Detach phone \+15550100001 from alice\?.*\(y\/N\)/)
    expect(detached).to.contain('EXITED 0')

    const adding = tty.start(['users', 'phones', 'add', 'alice', '--number', '+15551234567', '--sandbox'], configDir)
    await tty.waitFor(adding, /Which platform is \+15551234567\?/)
    tty.press(adding, 'Down')
    await tty.waitFor(adding, /[❯>] Google Android/)
    tty.press(adding, 'Up')
    await tty.waitFor(adding, /[❯>] Apple iOS/)
    tty.press(adding, 'Enter')
    const added = await tty.waitFor(adding, /EXITED \d+/)
    expect(added).to.contain('EXITED 0')
    expect(added).to.match(/Created and attached phone \+15551234567 \(DP[0-9A-Z]{18}\) to alice\./)

    const shown = await confirmed(['phones', 'activate', '+15551234567', '--valid-secs', '15m'], configDir, /Create a new Duo Mobile activation link for phone \+15551234567\?.*\(y\/N\)/)
    expect(shown).to.contain('EXITED 0')
    expect(shown).to.match(/https:\/\/m-[a-z0-9]+\.duosecurity\.com\/iphone\/[A-Za-z0-9]{20}/)
    // The QR code: rows of half-block characters, at least 20 of them.
    expect(shown.split('\n').filter((line) => /^[ ▀▄█]{20,}$/.test(line.trim()))).to.have.length.greaterThan(10)
    expect(shown).to.contain('valid for 15 minutes')

    const texted = await confirmed(['phones', 'activate', '+15551234567', '--sms'], configDir, /Text a Duo Mobile activation link to phone \+15551234567\?.*\(y\/N\)/)
    expect(texted).to.contain('EXITED 0')
    expect(texted).to.match(/Texted the activation link to phone \+15551234567 \(valid for 1 day\)/)

    const codes = await confirmed(['users', 'bypass-codes', 'create', 'alice', '--count', '2', '--valid-secs', '1d'], configDir, /Generate 2 bypass codes for alice\?.*\(y\/N\)/)
    expect(codes).to.contain('EXITED 0')
    expect(codes.match(/^\d{9}$/gm)).to.have.length(2)

    const phones = JSON.parse((await runCli(['users', 'phones', 'list', 'alice', '--sandbox', '--json'], {configDir})).stdout) as Row[]
    expect(phones.map((p) => [p.number, p.platform, p.activated])).to.deep.equal([['+15551234567', 'Apple iOS', false]])
  })

  it('declining an activation changes nothing: the phone keeps its Duo Mobile activation', async () => {
    const configDir = tempConfigDir()
    const name = tty.start(['phones', 'activate', '+15550100002', '--sandbox'], configDir)
    await tty.waitFor(name, /Create a new Duo Mobile activation link.*\(y\/N\)/)
    tty.press(name, 'Enter')
    const screen = await tty.waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 1').and.contain('Cancelled: nothing was changed.')
    const phone = JSON.parse((await runCli(['phones', 'get', '+15550100002', '--sandbox', '--json'], {configDir})).stdout) as Row
    expect(phone.activated).to.equal(true)
  })

  it('tokens create asks for the secret with the input hidden', async () => {
    const configDir = tempConfigDir()
    const name = tty.start(['tokens', 'create', '--type', 'h6', '--serial', 'TTY-1', '--sandbox'], configDir)
    await tty.waitFor(name, /HOTP secret \(hex\):/)
    tty.type(name, 'not hex')
    tty.press(name, 'Enter')
    await tty.waitFor(name, /Hex digits only/)
    for (let i = 0; i < 7; i++) tty.press(name, 'BSpace')
    tty.type(name, 'a1b2c3d4e5f60718')
    tty.press(name, 'Enter')
    const screen = await tty.waitFor(name, /EXITED \d+/)
    expect(screen).to.contain('EXITED 0').and.match(/Created h6 token DH[0-9A-Z]{18} \(serial TTY-1\)/)
    expect(screen).to.not.contain('a1b2c3d4e5f60718')
  })
})
