// Base of the commands that print one record (users get, groups get, phones get, info …): --fields
// keeps only the named fields, in the record view and the JSON alike, and --query applies a JMESPath
// expression to the JSON record, as they do for lists (selection.ts). A command hands its record
// and its usual view to record(); what it returns is what --json prints.
import type {Command} from '@oclif/core'

import {ApiCommand} from './api-command.js'
import {recordFlags} from './flags.js'
import {type Row, renderRecord} from './output.js'
import {type Selection, checkFields, parseSelection, pickFields} from './selection.js'

export abstract class RecordCommand<T extends typeof Command> extends ApiCommand<T> {
  static override baseFlags = {...ApiCommand.baseFlags, ...recordFlags}
  private selection: Selection = {}

  override async init(): Promise<void> {
    await super.init()
    this.selection = await parseSelection(this.flags as {fields?: string; query?: string}, this.jsonEnabled())
  }

  /**
   * Shows the record (its usual view, or only the --fields) and gives what --json prints. A field
   * the record does not have is a usage error listing the ones it has (Duo documents no schema).
   */
  protected record(record: Row, view: () => string): unknown {
    const {fields, query} = this.selection
    if (fields) checkFields(fields, [record])
    const chosen = fields ? pickFields(record, fields) : record
    this.show(() => (fields ? renderRecord(chosen, fields) : view()))
    return query ? query(chosen) : chosen
  }
}
