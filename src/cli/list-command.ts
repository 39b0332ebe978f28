// Base of the list commands that differ only in the operation, the columns and whose list it is:
// each command declares those, and this prints one page or every page like `duo users list`.
import type {Command} from '@oclif/core'

import {ApiCommand} from './api-command.js'
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
  columns?: string
  csv?: boolean
  limit?: number
  offset?: number
}

export abstract class ListCommand<T extends typeof Command> extends ApiCommand<T> {
  protected abstract readonly listing: Listing

  async run(): Promise<Row[] | undefined> {
    const {all = false, columns, csv = false, limit, offset} = this.flags as ListFlagValues
    const client = await this.client()
    return printList(client, {
      all,
      columns,
      csv,
      defaultColumns: this.listing.defaultColumns,
      input: {...this.filters(), ...this.owner(), limit, offset},
      json: this.jsonEnabled(),
      log: (text) => this.log(text),
      operation: this.listing.operation,
      progress: terminalProgress(this.listing.noun),
    })
  }

  /** Extra query parameters from the command's own flags (e.g. users list --username). */
  protected filters(): Record<string, unknown> {
    return {}
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
