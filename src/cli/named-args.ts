// USER, GROUP and PHONE arguments: declared once so help reads the same everywhere. The name or id
// typed is passed as the operation's user_id or group_id; core/call.ts resolves names before the
// call. None is required by oclif: a missing one is picked on a terminal (src/cli/pickers.ts), and
// is a usage error without one (ApiCommand checks before any request).
import {Args, type Interfaces} from '@oclif/core'

/** 'phone' is one of the user's phones (USER comes first); 'account-phone' any phone in the account. */
export type PickedKind = 'account-phone' | 'group' | 'phone' | 'user'

/** Which kind of thing each declared argument names, so that a missing one can be picked ('typed': no picker). */
const kinds = new WeakMap<object, PickedKind | 'typed'>()

/** Typed as always present: by the time run() reads it, ApiCommand.init has picked it or refused. */
function named(kind: PickedKind | 'typed', arg: Interfaces.Arg<string | undefined>): Interfaces.Arg<string> {
  kinds.set(arg, kind)
  return arg as Interfaces.Arg<string>
}

export function pickedKind(arg: object): PickedKind | 'typed' | undefined {
  return kinds.get(arg)
}

export const userArg = named('user', Args.string({description: 'The user: a username, an alias, an e-mail address or a user id (DU…); on a terminal, leave it out to search'}))
export const groupArg = named('group', Args.string({description: 'The group: its name or group id (DG…); on a terminal, leave it out to search'}))
export const phoneArg = named('phone', Args.string({description: 'The phone: its number or id (DP…); on a terminal, leave it out to pick one of the user\'s phones'}))
export const accountPhoneArg = named('account-phone', Args.string({description: 'The phone: its number or id (DP…); on a terminal, leave it out to search the account\'s phones'}))

/**
 * An id argument with no picker, after one that has one (oclif refuses a required argument after an
 * optional one): left out, it is a usage error from ApiCommand.init, on a terminal too.
 */
export function typedIdArg(description: string): Interfaces.Arg<string> {
  return named('typed', Args.string({description}))
}
