// Base of the list commands that differ only in the operation, the columns and whose list it is:
// each command declares those, and this prints one page or every page like `duo users list`.
import type {Command} from '@oclif/core'

import {ApiCommand} from './api-command.js'
import type {DuoClient} from '../transport/client.js'
import {printList, terminalProgress} from './listing.js'
import type {OperationName} from '../core/catalog/index.js'
import {userArg} from './named-args.js'
import type {Row} from './output.js'

export interface Listing {
  operation: OperationName
  defaultColumns: readonly string[]
  /** For the progress line ("Fetched 300 of 900 members"). */
  noun: string
}

/** listFlags (or tableFlags, for lists Duo does not page) as parsed. */
interface ListFlagValues {
  all?: boolean
  csv?: boolean
  fields?: string
  limit?: number
  offset?: number
  query?: string
}

export abstract class ListCommand<T extends typeof Command> extends ApiCommand<T> {
  // oclif gathers the flags of a command's help and manifest from the static properties of each
  // class up the chain, but stops at the first class that declares none: without this line the
  // global flags of ApiCommand (and --json) vanished from the help of every list command.
  static override baseFlags = ApiCommand.baseFlags
  protected abstract readonly listing: Listing

  async run(): Promise<unknown> {
    const {all = false, csv = false, fields, limit, offset, query} = this.flags as ListFlagValues
    const client = await this.client()
    const keep = await this.keep(client)
    return printList(client, {
      all,
      csv,
      defaultColumns: this.listing.defaultColumns,
      fields,
      input: {...this.filters(), ...this.owner(), limit, offset},
      json: this.jsonEnabled(),
      keep,
      log: (text) => this.log(text),
      // Under --json the page is printed after run() returns: the note follows it.
      more: this.jsonEnabled() ? (message) => this.noteAfterData(message) : undefined,
      operation: this.listing.operation,
      progress: terminalProgress(this.listing.noun),
      query,
    })
  }

  /** Extra query parameters from the command's own flags (e.g. users list --username). */
  protected filters(): Record<string, unknown> {
    return {}
  }

  /** A client-side filter for what Duo cannot filter on (e.g. users list --status); none by default. */
  protected async keep(_client: DuoClient): Promise<((row: Row) => boolean) | undefined> {
    return undefined
  }

  /** Whose list it is (a user or group from the arguments); nobody's for account-wide lists. */
  protected owner(): {group_id?: string; user_id?: string} {
    return {}
  }
}

/** A list of one user's things; USER is a username, an alias or a DU… id. */
export abstract class UserListCommand<T extends typeof Command> extends ListCommand<T> {
  static override args = {user: userArg}

  protected override owner(): {user_id: string} {
    return {user_id: (this.args as {user: string}).user}
  }
}
