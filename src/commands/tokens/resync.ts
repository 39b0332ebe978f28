import {Args} from '@oclif/core'

import {ApiCommand} from '../../cli/api-command.js'
import {call} from '../../core/call.js'
import {UsageError} from '../../core/errors.js'

const code = (which: string) => Args.string({description: `The ${which} of three consecutive codes the token shows`, required: true})

export default class TokensResync extends ApiCommand<typeof TokensResync> {
  static override args = {token: Args.string({description: 'The hardware token id (DH…)', required: true}), code1: code('first'), code2: code('second'), code3: code('third')}
  static override description =
    'For an HOTP token (h6, h8) whose codes Duo no longer accepts: press the button three times and give the three codes in order. Duo looks ahead in the token\'s sequence for them.'

  static override examples = ['<%= config.bin %> <%= command.id %> DHXXXXXXXXXXXXXXXXXX 755224 287082 359152']
  static override summary = 'Resynchronize a hardware token that has drifted'

  async run(): Promise<{token_id: string}> {
    const {code1, code2, code3, token} = this.args
    const bad = [code1, code2, code3].find((c) => !/^\d{6}$|^\d{8}$/.test(c))
    if (bad !== undefined) throw new UsageError(`"${bad}" is not a token code: codes are 6 or 8 digits.`)
    await call(await this.client(), 'resynctoken', {code1, code2, code3, token_id: token})
    this.note(`Resynchronized hardware token ${token}.`)
    return {token_id: token}
  }
}
