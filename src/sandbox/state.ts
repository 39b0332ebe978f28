// The sandbox's data with the indexes that keep it fast at 100,000 users: users stay in an array
// (list order = creation order, paging = slicing) with Maps by id and by name.
import {notFound} from './envelope.js'
import {duoId} from './ids.js'
import {LogStore} from './logs/log-store.js'
import type {DirectoryRecord, GroupRecord, PhoneRecord, PushRecord, SmsSent, Snapshot, TokenRecord, UserRecord} from './records.js'

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
  private readonly smsListeners = new Set<(sms: SmsSent) => void>()

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

  /** The users a phone is attached to (phones are shared), in user order. */
  phoneUsers(phoneId: string): UserRecord[] {
    return this.users.filter((user) => user.phone_ids.includes(phoneId))
  }

  /** Every phone's users, from one pass over the users (for a page of phones). */
  usersByPhone(): Map<string, UserRecord[]> {
    const owners = new Map<string, UserRecord[]>()
    for (const user of this.users) {
      for (const id of user.phone_ids) owners.set(id, [...(owners.get(id) ?? []), user])
    }

    return owners
  }

  /** The users holding a hardware token. */
  tokenUsers(tokenId: string): UserRecord[] {
    return this.users.filter((user) => user.token_ids.includes(tokenId))
  }

  /** Deletes the phone and detaches it from every user, as Duo does. */
  deletePhone(id: string): void {
    if (!this.phones.delete(id)) return
    for (const user of this.users) if (user.phone_ids.includes(id)) user.phone_ids = user.phone_ids.filter((p) => p !== id)
  }

  /** Deletes the token and detaches it from every user. */
  deleteToken(id: string): void {
    if (!this.tokens.delete(id)) return
    for (const user of this.users) if (user.token_ids.includes(id)) user.token_ids = user.token_ids.filter((t) => t !== id)
  }

  /**
   * Handlers call this when they "send" a text message: it goes in the telephony log, as Duo
   * logs every text it sends (the context of an activation or installation text is "enrollment",
   * of passcodes "authentication": Duo's value set is undocumented), and to any onSmsSent listener.
   */
  smsSent(sms: SmsSent): void {
    this.logs.recordTelephony(sms.time_ms, {context: sms.purpose === 'passcodes' ? 'authentication' : 'enrollment', phone: sms.number, type: 'sms'})
    for (const listener of this.smsListeners) listener(sms)
  }

  /** Subscribes to every SMS sent; returns the unsubscribe function. */
  onSmsSent(listener: (sms: SmsSent) => void): () => void {
    this.smsListeners.add(listener)
    return () => this.smsListeners.delete(listener)
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
