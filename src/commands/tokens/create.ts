import {Flags} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {paramFlag} from '../../cli/catalog-flags.js'
import {type Row, renderRecord} from '../../cli/output.js'
import {askForValue, readStdin} from '../../cli/prompts.js'
import {call} from '../../core/call.js'
import {tokenTypes} from '../../core/catalog/tokens.js'
import {UsageError} from '../../core/errors.js'

const OPERATION = 'createtoken'

/** What each type needs besides type and serial, and how to check it before anything is sent. */
const SECRETS: Record<string, Array<{name: 'aes_key' | 'private_id' | 'secret'; label: string; hex: number | 'even'}>> = {
  h6: [{hex: 'even', label: 'HOTP secret (hex)', name: 'secret'}],
  h8: [{hex: 'even', label: 'HOTP secret (hex)', name: 'secret'}],
  t6: [{hex: 'even', label: 'TOTP secret (hex)', name: 'secret'}],
  t8: [{hex: 'even', label: 'TOTP secret (hex)', name: 'secret'}],
  yk: [
    {hex: 12, label: 'YubiKey private id (12 hex characters)', name: 'private_id'},
    {hex: 32, label: 'YubiKey AES key (32 hex characters)', name: 'aes_key'},
  ],
}

function problem(value: string, hex: number | 'even'): string | true {
  if (!/^[0-9a-f]+$/i.test(value)) return 'Hex digits only (0-9, a-f).'
  if (hex === 'even' ? value.length % 2 !== 0 : value.length !== hex) return hex === 'even' ? 'An even number of hex digits.' : `Exactly ${hex} hex characters.`
  return true
}

export default class TokensCreate extends ApiCommand<typeof TokensCreate> {
  static override description = [
    'h6/h8 (HOTP) and t6/t8 (TOTP) tokens need the secret, yk (YubiKey AES) the private id and AES key. Secrets never go on the command line:',
    'pipe them on stdin (for yk: the private id, then the AES key, separated by a space or a newline), or type them at the hidden prompt on a terminal.',
    'Duo never shows them again. Attach the token to a user with `duo users tokens add USER TOKEN_ID`.',
  ].join(' ')

  static override examples = [
    'pass show tokens/100042 | <%= config.bin %> <%= command.id %> --type h6 --serial 100042',
    '<%= config.bin %> <%= command.id %> --type t6 --serial TOTP-7 --totp-step 30',
    'printf "%s %s" "$PRIVATE_ID" "$AES_KEY" | <%= config.bin %> <%= command.id %> --type yk --serial 5512345',
  ]

  static override flags = {
    counter: paramFlag.integer(OPERATION, 'counter'),
    serial: Flags.string({description: 'Serial number (unique per type, at most 128 characters)', required: true}),
    'totp-step': paramFlag.integer(OPERATION, 'totp_step'),
    type: Flags.string({description: 'h6/h8 (HOTP, 6 or 8 digits), t6/t8 (TOTP), yk (YubiKey AES)', options: [...tokenTypes], required: true}),
  }

  static override summary = 'Create a hardware token (secrets from stdin or a hidden prompt)'

  async run(): Promise<Row> {
    const {counter, serial, 'totp-step': totpStep, type} = this.flags
    if (counter !== undefined && !type.startsWith('h')) throw new UsageError('--counter is for HOTP tokens (h6, h8) only.')
    if (totpStep !== undefined && !type.startsWith('t')) throw new UsageError('--totp-step is for TOTP tokens (t6, t8) only.')
    const secrets = await this.secrets(type)
    const {response: token} = await call<Row>(await this.client(), OPERATION, {...secrets, counter, serial, totp_step: totpStep, type})
    this.show(() => renderRecord(token, ['token_id', 'type', 'serial', 'totp_step']))
    this.note(`Created ${type} token ${String(token.token_id)} (serial ${serial}). Attach it with \`duo users tokens add USER ${String(token.token_id)}\`.`)
    return token
  }

  /** From stdin when it is not a terminal, else asked with the input hidden; checked before any request. */
  private async secrets(type: string): Promise<Record<string, string>> {
    const wanted = SECRETS[type]
    const values: string[] = []
    if (process.stdin.isTTY) {
      for (const secret of wanted) {
        values.push(await askForValue(this.prompt, {flag: `the ${secret.label} on stdin`, message: `${secret.label}:`, secret: true, validate: (v) => problem(v, secret.hex)}))
      }
    } else {
      values.push(...(await readStdin()).split(/\s+/).filter(Boolean))
      if (values.length !== wanted.length) {
        throw new UsageError(`Expected ${wanted.map((s) => s.label).join(' and ')} on stdin.`, 'Pipe the secret in, e.g. `pass show my-token | duo tokens create …`, or run on a terminal to be asked.')
      }
    }

    return Object.fromEntries(
      wanted.map((secret, i) => {
        const verdict = problem(values[i], secret.hex)
        if (verdict !== true) throw new UsageError(`The ${secret.label} on stdin is not valid: ${verdict}`)
        return [secret.name, values[i]]
      }),
    )
  }
}
