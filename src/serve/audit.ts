// The audit trail of a serving process: one JSON line per write operation it carried out or refused,
// so an administrator can see what an agent or script did with the profile's keys. Only the
// operation, its path ids and the outcome are kept: never parameters or bodies (they can hold
// bypass codes, e-mail addresses, tokens).
//
// API:
//   openAuditLog(file?)  an AuditLog appending to `file` (created or tightened to mode 0600), or
//                        to stderr when no file is given
//   log.record({operation, pathParams, status})  writes {time, operation, pathParams, status}
//   log.close()          flushes and closes the file (a no-op for stderr)
import {closeSync, fchmodSync, openSync, writeSync} from 'node:fs'

export interface AuditEntry {
  /** The catalog operation name (also the MCP tool name). */
  operation: string
  /** The ids in the operation's path (user_id, group_id …). */
  pathParams: Record<string, string>
  /** The HTTP status answered (Duo's, or the server's own refusal). */
  status: number
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
  return JSON.stringify({time: new Date().toISOString(), operation: entry.operation, pathParams: entry.pathParams, status: entry.status}) + '\n'
}
