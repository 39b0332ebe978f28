// The case journal: which traceless steps of an unfinished case already ran (a text was sent, codes
// were issued), so running the case again after a failure does not repeat them. Steps whose effect
// shows in Duo (status, groups, phones) need no journal: planning sees them. One file per case and
// user under the config folder, mode 0600, written atomically. It outlives a completed case, so
// running the same case again does not text or e-mail twice; --fresh forgets it.
import {existsSync, mkdirSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import writeFileAtomic from 'write-file-atomic'

import {UsageError} from '../../core/errors.js'

interface JournalFile {
  version: 1
  case: string
  username: string
  /** Ids of the traceless steps that succeeded, with when. */
  done: Record<string, string>
}

export class CaseJournal {
  private constructor(
    readonly path: string,
    private readonly file: JournalFile,
  ) {}

  /**
   * The journal of this case for this user (empty when there is none), by username: a new hire's
   * case runs before Duo has given them an id.
   */
  static open(configDir: string, caseName: string, username: string): CaseJournal {
    const path = join(configDir, 'cases', `${caseName}-${encodeURIComponent(username)}.json`)
    if (!existsSync(path)) return new CaseJournal(path, {case: caseName, done: {}, username, version: 1})
    try {
      const file = JSON.parse(readFileSync(path, 'utf8')) as JournalFile
      if (file.version !== 1 || typeof file.done !== 'object' || file.done === null) throw new Error('not a case journal')
      return new CaseJournal(path, file)
    } catch (error) {
      throw new UsageError(`The case journal ${path} cannot be read (${(error as Error).message}).`, 'Remove it to start the case afresh.')
    }
  }

  has(stepId: string): boolean {
    return Object.hasOwn(this.file.done, stepId)
  }

  /** When a traceless step ran (ISO date), for "done earlier" notes. */
  when(stepId: string): string | undefined {
    return this.file.done[stepId]
  }

  record(stepId: string, at: Date): void {
    this.file.done[stepId] = at.toISOString()
    mkdirSync(join(this.path, '..'), {mode: 0o700, recursive: true})
    writeFileAtomic.sync(this.path, JSON.stringify(this.file), {mode: 0o600})
  }

  /** Forget what ran (--fresh): the case's traceless steps run again. */
  remove(): void {
    this.file.done = {}
    rmSync(this.path, {force: true})
  }
}
