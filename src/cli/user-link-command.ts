// Bases of `duo users groups|phones|tokens add|remove`: the six commands differ only in what they
// link to a user, so each declares its link and these do the rest, confirming before a removal.
import type {Command} from '@oclif/core'

import {call, resolveNames} from '../core/call.js'
import {type OperationName, getOperation} from '../core/catalog/index.js'
import {ApiCommand} from './api-command.js'
import {yesFlag} from './flags.js'
import {groupArg, phoneArg, typedIdArg, userArg} from './named-args.js'
import {confirmOrAbort} from './prompts.js'

export interface UserLink {
  /** USER then the argument naming what is linked (`target`): key order is argument order. */
  args: Record<string, typeof userArg>
  target: string
  param: 'group_id' | 'phone_id' | 'token_id'
  associate: OperationName
  disassociate: OperationName
  added(user: string, target: string): string
  removed(user: string, target: string): string
  /** The confirmation question for a removal: what the person loses. */
  removal(user: string, target: string): string
}

function device(
  noun: string,
  param: 'phone_id' | 'token_id',
  prefix: string,
  operations: Pick<UserLink, 'associate' | 'disassociate'>,
): UserLink {
  return {
    added: (user, id) => `Attached ${noun} ${id} to ${user}.`,
    // A phone left out is picked among the user's phones; a token id is required as typed.
    args: {user: userArg, [param]: param === 'phone_id' ? phoneArg : typedIdArg(`The ${noun} id (${prefix}…)`)},
    ...operations,
    param,
    removal: (user, id) => `Detach ${noun} ${id} from ${user}? They can no longer log in with it (the ${noun} itself is kept).`,
    removed: (user, id) => `Detached ${noun} ${id} from ${user}.`,
    target: param,
  }
}

const group: UserLink = {
  added: (user, name) => `Added ${user} to group ${name}.`,
  args: {user: userArg, group: groupArg},
  associate: 'associateusergroup',
  disassociate: 'disassociateusergroup',
  param: 'group_id',
  removal: (user, name) => `Remove ${user} from group ${name}? Access and policies that come from the group stop applying to them.`,
  removed: (user, name) => `Removed ${user} from group ${name}.`,
  target: 'group',
}

export const userLinks = {
  group,
  phone: device('phone', 'phone_id', 'DP', {associate: 'associateuserphone', disassociate: 'disassociateuserphone'}),
  token: device('hardware token', 'token_id', 'DH', {associate: 'associateusertoken', disassociate: 'disassociateusertoken'}),
}

abstract class UserLinkCommand<T extends typeof Command> extends ApiCommand<T> {
  // Declared again so oclif's help and manifest find the global flags (see ListCommand).
  static override baseFlags = ApiCommand.baseFlags
  protected abstract readonly link: UserLink

  /** Runs the association or disassociation; the ids used are the data (--json). */
  protected async apply(operation: OperationName, user: string, target: string): Promise<Record<string, string>> {
    const client = await this.client()
    const named = {[this.link.param]: target, user_id: user}
    const ids = (await resolveNames(client, getOperation(operation), named)) as Record<string, string>
    await call(client, operation, ids)
    return ids
  }

  protected names(): {target: string; user: string} {
    const args = this.args as Record<string, string>
    return {target: args[this.link.target], user: args.user}
  }
}

export abstract class UserLinkAddCommand<T extends typeof Command> extends UserLinkCommand<T> {
  async run(): Promise<Record<string, string>> {
    const {target, user} = this.names()
    const ids = await this.apply(this.link.associate, user, target)
    this.note(this.link.added(user, target))
    return ids
  }
}

export abstract class UserLinkRemoveCommand<T extends typeof Command> extends UserLinkCommand<T> {
  static override flags = yesFlag

  async run(): Promise<Record<string, string>> {
    const {target, user} = this.names()
    // Asked before any request, so a refusal (or no terminal and no --yes) sends nothing.
    await confirmOrAbort(this.prompt, this.link.removal(user, target), Boolean((this.flags as {yes?: boolean}).yes))
    const ids = await this.apply(this.link.disassociate, user, target)
    this.note(this.link.removed(user, target))
    return ids
  }
}
