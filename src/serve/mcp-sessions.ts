// The Streamable HTTP sessions of `duo serve mcp`. A session exists only so the server can ask the
// person something in the middle of a tool call (elicitation) and tell the client its tool list
// changed (dynamic toolsets): both need the server to reach the client between requests. Each one
// holds a protocol server, so they are capped in number, closed when idle, and bound to the bearer
// token that opened them (another token gets "no such session", never the session).
//
// API:
//   new SessionStore({max, idleMs})
//   store.full                      true when no session can be opened (at the cap, a session quiet
//                                   for a minute is closed to make room)
//   store.add(id, session) / store.get(id, tokenKey) / store.remove(id)
//   store.close()                   closes every session and stops the idle sweep
//   tokenKey(authorization)         what a session is bound to (a hash, so the token is not kept twice)
import {createHash} from 'node:crypto'

export interface OpenSession {
  tokenKey: string
  lastSeen: number
  close(): Promise<void>
}

export interface SessionLimits {
  /** Most sessions open at once; past it, an initialize is refused (503) unless one can be evicted. */
  max: number
  /** A session with no request for this long is closed. */
  idleMs: number
  /** Injectable for tests. */
  now?: () => number
}

/** How long the oldest session must have been quiet before a new one may take its place at the cap. */
const QUIET_BEFORE_EVICTION_MS = 60_000

export const DEFAULT_SESSION_LIMITS: SessionLimits = {idleMs: 15 * 60_000, max: 64}

export function tokenKey(authorization: string | undefined): string {
  return createHash('sha256').update(authorization ?? '').digest('base64url')
}

export class SessionStore<S extends OpenSession> {
  private readonly sessions = new Map<string, S>()
  private readonly sweep: NodeJS.Timeout
  private readonly now: () => number

  constructor(private readonly limits: SessionLimits) {
    this.now = limits.now ?? Date.now
    this.sweep = setInterval(() => this.expire(), Math.min(60_000, Math.max(1000, limits.idleMs / 4)))
    // The sweep must never keep the process alive on its own.
    this.sweep.unref()
  }

  /**
   * True when no session can be opened. At the cap, the least recently used session is closed first
   * if it has been quiet for a minute: many clients never send DELETE, and a reconnecting client would
   * otherwise lock itself out until its old sessions expire.
   */
  get full(): boolean {
    this.expire()
    if (this.sessions.size < this.limits.max) return false
    const [oldestId, oldest] = [...this.sessions].reduce((a, b) => (b[1].lastSeen < a[1].lastSeen ? b : a))
    if (this.now() - oldest.lastSeen < QUIET_BEFORE_EVICTION_MS) return true
    this.sessions.delete(oldestId)
    oldest.close().catch(() => {})
    return false
  }

  get size(): number {
    return this.sessions.size
  }

  add(id: string, session: S): void {
    session.lastSeen = this.now()
    this.sessions.set(id, session)
  }

  /** The session if it exists, is not idle-expired and was opened with this token; touched. */
  get(id: string, key: string): S | undefined {
    this.expire()
    const session = this.sessions.get(id)
    if (!session || session.tokenKey !== key) return undefined
    session.lastSeen = this.now()
    return session
  }

  remove(id: string): void {
    this.sessions.delete(id)
  }

  async close(): Promise<void> {
    clearInterval(this.sweep)
    const open = [...this.sessions.values()]
    this.sessions.clear()
    await Promise.all(open.map((s) => s.close().catch(() => {})))
  }

  private expire(): void {
    const cutoff = this.now() - this.limits.idleMs
    for (const [id, session] of this.sessions) {
      if (session.lastSeen < cutoff) {
        this.sessions.delete(id)
        session.close().catch(() => {})
      }
    }
  }
}
