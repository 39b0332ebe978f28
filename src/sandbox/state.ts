// The sandbox's data with the indexes that keep it fast at 100,000 users: users stay in an array
// (list order = creation order, paging = slicing) with Maps by id and by name.
import {notFound} from './envelope.js'
import {duoId} from './ids.js'
import {LogStore} from './logs/log-store.js'
import type {DirectoryRecord, GroupRecord, PhoneRecord, PushRecord, Snapshot, TokenRecord, UserRecord} from './records.js'

export class SandboxState {
  readonly ikey: string
  readonly skey: string
  readonly users: UserRecord[]
  readonly groups: GroupRecord[]
  readonly phones: Map<string, PhoneRecord>
  readonly tokens: Map<string, TokenRecord>
  readonly directories: DirectoryRecord[]
  readonly pushes: Map<string, PushRecord>
  /** Every log the sandbox answers (logs/log-store.ts); other handlers record into it. */
  readonly logs: LogStore
  private readonly usersById = new Map<string, UserRecord>()
  /**
   * Usernames and aliases share one namespace (aliases must be unique across users and match
   * username lookups, Duo Admin API docs "Retrieve Users"). Keys are lowercased: Duo treating usernames
   * case-insensitively is a guess (unconfirmed).
   */
  private readonly names = new Map<string, UserRecord>()
  private readonly groupsById: Map<string, GroupRecord>

  constructor(snapshot: Snapshot) {
    this.ikey = snapshot.ikey
    this.skey = snapshot.skey
    this.users = snapshot.users
    for (const user of this.users) this.index(user)
    this.groups = snapshot.groups
    this.groupsById = new Map(this.groups.map((g) => [g.group_id, g]))
    this.phones = new Map(snapshot.phones.map((p) => [p.phone_id, p]))
    this.tokens = new Map(snapshot.tokens.map((t) => [t.token_id, t]))
    this.directories = snapshot.directories
    this.pushes = new Map(snapshot.pushes.map((p) => [p.push_id, p]))
    this.logs = new LogStore(snapshot.logs, {groups: this.groups, phones: this.phones, users: this.users})
  }

  snapshot(): Snapshot {
    return {
      directories: this.directories,
      groups: this.groups,
      ikey: this.ikey,
      phones: [...this.phones.values()],
      pushes: [...this.pushes.values()],
      skey: this.skey,
      tokens: [...this.tokens.values()],
      users: this.users,
      version: 1,
      logs: this.logs.snapshot(),
    }
  }

  user(id: string): undefined | UserRecord {
    return this.usersById.get(id)
  }

  requireUser(id: string): UserRecord {
    const user = this.usersById.get(id)
    if (!user) throw notFound(`user ${id}`)
    return user
  }

  /** The user whose username or alias is `name`. */
  userByName(name: string): undefined | UserRecord {
    return this.names.get(name.toLowerCase())
  }

  addUser(user: UserRecord): void {
    this.users.push(user)
    this.index(user)
  }

  /** Applies `change` and re-indexes the user's names (a rename or alias change). */
  updateUser(user: UserRecord, change: (user: UserRecord) => void): void {
    this.unindex(user)
    change(user)
    this.index(user)
  }

  removeUser(id: string): boolean {
    const user = this.usersById.get(id)
    if (!user) return false
    this.unindex(user)
    this.users.splice(this.users.indexOf(user), 1)
    return true
  }

  group(id: string): GroupRecord | undefined {
    return this.groupsById.get(id)
  }

  requireGroup(id: string): GroupRecord {
    const group = this.groupsById.get(id)
    if (!group) throw notFound(`group ${id}`)
    return group
  }

  addGroup(group: GroupRecord): void {
    this.groups.push(group)
    this.groupsById.set(group.group_id, group)
  }

  /** A new id with `prefix` that no user, group, phone or token has. */
  newId(prefix: string): string {
    for (;;) {
      const id = duoId(prefix)
      if (!this.usersById.has(id) && !this.groupsById.has(id) && !this.phones.has(id) && !this.tokens.has(id)) return id
    }
  }

  private index(user: UserRecord): void {
    this.usersById.set(user.user_id, user)
    this.names.set(user.username.toLowerCase(), user)
    for (const slot in user.aliases) this.names.set(user.aliases[slot].toLowerCase(), user)
  }

  private unindex(user: UserRecord): void {
    this.usersById.delete(user.user_id)
    for (const name of [user.username, ...Object.values(user.aliases)]) {
      if (this.names.get(name.toLowerCase()) === user) this.names.delete(name.toLowerCase())
    }
  }
}
