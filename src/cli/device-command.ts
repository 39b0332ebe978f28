// Bases of the account-wide device commands (`duo phones|tokens|webauthn|desktop-authenticators|
// bypass-codes get|delete`): each declares which device it is and these do the call, the
// rendering and, for a delete, the confirmation before any request.
import {Args, type Command} from '@oclif/core'

import {call, resolveNames} from '../core/call.js'
import {type OperationName, getOperation} from '../core/catalog/index.js'
import {ApiCommand} from './api-command.js'
import {yesFlag} from './flags.js'
import {type Row, renderRecord} from './output.js'
import {confirmOrAbort} from './prompts.js'

export interface Device {
  /** For messages: "phone", "hardware token" … */
  noun: string
  /** Duo's path parameter naming it. */
  param: string
  get: OperationName
  remove: OperationName
  /** The fields `get` shows a person, in order (--json prints Duo's whole object). */
  keys: readonly string[]
  /** The delete question: what its owner loses. */
  removal(id: string): string
}

/** The one positional argument every get/delete takes. */
export function deviceArg(description: string) {
  return {id: Args.string({description, required: true})}
}

abstract class DeviceCommand<T extends typeof Command> extends ApiCommand<T> {
  protected abstract readonly device: Device

  protected get target(): string {
    return (this.args as {id: string}).id
  }
}

export abstract class DeviceGetCommand<T extends typeof Command> extends DeviceCommand<T> {
  async run(): Promise<Row> {
    const {response} = await call<Row>(await this.client(), this.device.get, {[this.device.param]: this.target})
    this.show(() => renderRecord(response, this.device.keys.filter((k) => k in response)))
    return response
  }
}

export abstract class DeviceDeleteCommand<T extends typeof Command> extends DeviceCommand<T> {
  static override flags = yesFlag

  async run(): Promise<Record<string, string>> {
    // Asked before any request, so a refusal (or no terminal and no --yes) sends nothing.
    await confirmOrAbort(this.prompt, this.device.removal(this.target), Boolean((this.flags as {yes?: boolean}).yes))
    const client = await this.client()
    // A phone may be named by its number: the id it stands for is what was deleted (--json).
    const ids = (await resolveNames(client, getOperation(this.device.remove), {[this.device.param]: this.target})) as Record<string, string>
    await call(client, this.device.remove, ids)
    const id = ids[this.device.param]
    this.note(`Deleted ${this.device.noun} ${id === this.target ? id : `${this.target} (${id})`}.`)
    return ids
  }
}
