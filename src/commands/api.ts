import {Args, Flags} from '@oclif/core'

import {ApiCommand} from '../cli/api-command.js'
import type {DuoEnvelope} from '../core/calls.js'
import {parseRawCall, rawCallItems, sendRawCall} from '../tasks/raw-call.js'
import {writeJsonArray} from '../cli/output.js'

export default class Api extends ApiCommand<typeof Api> {
  static override args = {
    method: Args.string({description: 'HTTP method', options: ['GET', 'POST', 'PUT', 'DELETE'], parse: async (m) => m.toUpperCase(), required: true}),
    path: Args.string({description: 'Admin API path, e.g. /admin/v1/users (a ?query is allowed)', required: true}),
  }

  static override description =
    'Signs and sends any Admin API request with the current profile and prints Duo\'s JSON body as received. With --all, follows next_offset and prints the concatenated response arrays as one JSON array, streamed page by page.'

  static override examples = [
    '<%= config.bin %> <%= command.id %> GET /admin/v1/users -p username=alice',
    '<%= config.bin %> <%= command.id %> GET /admin/v1/users --all',
    '<%= config.bin %> <%= command.id %> POST /admin/v1/users -p username=dave -p realname="Dave Example"',
    '<%= config.bin %> <%= command.id %> POST /admin/v1/bulk -F \'operations=[{"method":"POST","path":"/admin/v1/users","body":{"username":"erin"}}]\'',
  ]

  static override flags = {
    all: Flags.boolean({description: 'Follow next_offset to the end (GET lists)'}),
    field: Flags.string({char: 'F', description: 'A parameter whose value is JSON: key=<json>', multiple: true}),
    param: Flags.string({char: 'p', description: 'A string parameter: key=value (repeat a key for several values)', multiple: true}),
  }

  static override summary = 'Make any signed Admin API call'

  async run(): Promise<DuoEnvelope | undefined> {
    const call = parseRawCall(this.args.method, this.args.path, this.flags.param ?? [], this.flags.field ?? [])
    const client = await this.client()
    if (this.flags.all) {
      await writeJsonArray(rawCallItems(client, call))
      return undefined
    }

    const envelope = await sendRawCall(client, call)
    this.log(JSON.stringify(envelope, null, 2))
    return envelope
  }
}
