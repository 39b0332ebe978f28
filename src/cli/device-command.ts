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
import {RecordCommand} from './record-command.js'

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


/** Shows one device; --fields and --query shape it as for every record (RecordCommand). */
export abstract class DeviceGetCommand<T extends typeof Command> extends RecordCommand<T> {
  protected abstract readonly device: Device

  async run(): Promise<unknown> {
    const {response} = await call<Row>(await this.client(), this.device.get, {[this.device.param]: (this.args as {id: string}).id})
    return this.record(response, () => renderRecord(response, this.device.keys.filter((k) => k in response)))
  }
}

export abstract class DeviceDeleteCommand<T extends typeof Command> extends ApiCommand<T> {
  // Declared again so oclif's help and manifest find the global flags (see ListCommand).
  static override baseFlags = ApiCommand.baseFlags
  static override flags = yesFlag
  protected abstract readonly device: Device

  private get target(): string {
    return (this.args as {id: string}).id
  }

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
