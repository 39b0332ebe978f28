// The audit trail of a serving process: one JSON line per write operation it carried out or refused,
// so an administrator can see what an agent or script did with the profile's keys. Only the
// operation, its path ids, the names of the fields it set (with the value only for status-like
// fields) and the outcome are kept: never other values or bodies (they can hold bypass codes,
// e-mail addresses, tokens).
//
// API:
//   openAuditLog(file?)  an AuditLog appending to `file` (created or tightened to mode 0600), or
//                        to stderr when no file is given
//   log.record({operation, pathParams, status, changed?})  writes {time, operation, pathParams, changed?, status}
//   changedFields(operation, input)  the `changed` of an entry: parameter names, enum values only
//   log.close()          flushes and closes the file (a no-op for stderr)
import {closeSync, fchmodSync, openSync, writeSync} from 'node:fs'

import type {Operation} from '../core/catalog/index.js'

export interface AuditEntry {
  /** The catalog operation name (also the MCP tool name). */
  operation: string
  /** The ids in the operation's path (user_id, group_id …). */
  pathParams: Record<string, string>
  /** The HTTP status answered (Duo's, or the server's own refusal). */
  status: number
  /**
   * The parameters the write set, by name; the value only for status-like fields (one of Duo's fixed
   * words, such as status bypass), null for the rest, which may be free text or a secret.
   */
  changed?: Record<string, null | string>
}

export interface AuditLog {
  record(entry: AuditEntry): void
  close(): void
}

export function openAuditLog(file?: string): AuditLog {
  if (file === undefined) {
    return {close() {}, record: (entry) => process.stderr.write(line(entry))}
  }

  const fd = openSync(file, 'a', 0o600)
  // The mode given to open applies only to a new file; an existing one is tightened too.
  fchmodSync(fd, 0o600)
  let open = true
  return {
    close() {
      if (open) closeSync(fd)
      open = false
    },
    // Synchronous and O_APPEND: each line lands whole and in order, even if the process dies next.
    record(entry) {
      if (open) writeSync(fd, line(entry))
    },
  }
}

function line(entry: AuditEntry): string {
  const changed = entry.changed && Object.keys(entry.changed).length > 0 ? {changed: entry.changed} : {}
  return JSON.stringify({time: new Date().toISOString(), operation: entry.operation, pathParams: entry.pathParams, ...changed, status: entry.status}) + '\n'
}

/** The fields a write sets: names only, values only where they are one of an enum's words (status). */
export function changedFields(operation: Operation, input: Record<string, unknown>): Record<string, null | string> {
  if (operation.hints.readOnly) return {}
  const out: Record<string, null | string> = {}
  for (const spec of operation.params) {
    const value = input[spec.name]
    if (value === undefined) continue
    // An enum value is one of Duo's fixed words (status, type): never free text or a secret.
    out[spec.name] = spec.enum && typeof value === 'string' ? value : null
  }

  return out
}
