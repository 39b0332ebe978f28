import type {LogsSnapshot} from './logs/log-store.js'

// The stored shapes of the sandbox's objects. Field names are Duo's (Duo Admin API docs: Users, Groups, Phones, Tokens), so
// views only add the derived and embedded parts. Membership is held on the user (ids), the one side
// every endpoint in the catalog reads from.
//
// Lists and objects inside records are replaced, never changed in place: seeding shares one frozen
// empty list among 100,000 users, which keeps start-up fast (far fewer objects to allocate and GC).

export type UserStatus = 'active' | 'bypass' | 'disabled' | 'locked out' | 'pending deletion'

export interface WebAuthnCredential {
  webauthnkey: string
  credential_name: string
  label: string
  date_added: number
  date_last_used: null | number
  aaguid: string
  backup_eligible: boolean
  backup_status: boolean
  passwordless_authorized: boolean
  uv_capable: boolean
  registered_as: 'cross-platform' | 'platform' | 'unknown'
  readonly transports: readonly string[]
}

export interface DesktopAuthenticator {
  daid: string
  dakey: string
  device_name: string
  duo_desktop_version: string
  os_family: string
}

export interface BypassCode {
  bypass_code_id: string
  /** Kept so preserve_existing can refuse a repeated code; never sent back. */
  code: string
  admin_email: null | string
  created: number
  expiration: null | number
  reuse_count: null | number
}

/** A legacy U2F token (Duo Admin API docs, "U2F Tokens"; duo_client_python). */
export interface U2FToken {
  registration_id: string
  date_added: number
}

export interface UserRecord {
  user_id: string
  username: string
  realname: string
  email: string
  firstname: string
  lastname: string
  notes: string
  status: UserStatus
  lockout_reason: null | string
  /** alias1 … alias8 → value; absent slots are simply missing. */
  aliases: Readonly<Record<string, string>>
  created: number
  last_login: null | number
  last_directory_sync: null | number
  external_id?: string
  enable_auto_prompt: boolean
  phone_ids: readonly string[]
  token_ids: readonly string[]
  group_ids: readonly string[]
  webauthncredentials: readonly WebAuthnCredential[]
  desktopauthenticators: readonly DesktopAuthenticator[]
  bypass_codes: readonly BypassCode[]
  /** Optional so state files written before U2F was emulated still load. */
  u2ftokens?: readonly U2FToken[]
}

export interface GroupRecord {
  group_id: string
  name: string
  desc: string
  status: 'active' | 'bypass' | 'disabled'
  push_enabled: boolean
  sms_enabled: boolean
  voice_enabled: boolean
  mobile_otp_enabled: boolean
}

export interface PhoneRecord {
  phone_id: string
  number: string
  extension: string
  name: string
  type: 'Landline' | 'Mobile' | 'Unknown'
  platform: string
  model: string
  activated: boolean
  capabilities: readonly string[]
  last_seen: null | string
  sms_passcodes_sent: boolean
  encrypted: string
  fingerprint: string
  screenlock: string
  tampered: string
  predelay: null | string
  postdelay: null | string
}

export interface TokenRecord {
  token_id: string
  type: string
  serial: string
  totp_step: null | number
  /** Write-only: kept so resync can check codes; never in a response (views.ts drops it). */
  secrets?: TokenSecrets
}

export interface TokenSecrets {
  /** HOTP/TOTP secret, hex. */
  secret?: string
  /** The next HOTP counter value expected. */
  counter?: number
  private_id?: string
  aes_key?: string
}

/** What a handler reports when it "sends" a text message: the hook the telephony log listens to. */
export interface SmsSent {
  phone_id: string
  number: string
  purpose: 'activation' | 'installation' | 'passcodes'
  /** The text sent (activation and installation); passcodes are never passed on. */
  message?: string
  /** Sandbox-clock milliseconds. */
  time_ms: number
}

export interface DirectoryRecord {
  directory_key: string
  name: string
  directory_type: string
}

export type PushAnswer = 'approve' | 'deny' | 'fraud' | 'waiting'

export interface PushRecord {
  push_id: string
  user_id: string
  phone_id: string
  confirmation_code: string
  /** Sandbox-clock milliseconds. */
  created_ms: number
}

/** Everything the sandbox knows; also the state file's content. */
export interface Snapshot {
  version: 1
  ikey: string
  skey: string
  users: UserRecord[]
  groups: GroupRecord[]
  phones: PhoneRecord[]
  tokens: TokenRecord[]
  directories: DirectoryRecord[]
  pushes: PushRecord[]
  /** The logs' anchor and the events the sandbox recorded itself (bounded); absent in older files. */
  logs?: LogsSnapshot
  /** The MSP child accounts this (parent) account holds; absent in older files, which get the seeded ones. */
  children?: ChildAccountRecord[]
}

/** A child account: its id and name, and its own tenant's data (it answers to the parent's keys). */
export interface ChildAccountRecord {
  account_id: string
  name: string
  tenant: Omit<Snapshot, 'children' | 'ikey' | 'skey' | 'version'>
  /** Its billing as the parent reads it; absent in older files (see child-accounts.ts for the default). */
  billing?: ChildBilling
}

export interface ChildBilling {
  /** ENTERPRISE, PLATFORM, BEYOND or PERSONAL. */
  edition: string
  telephony_credits: number
}

export type SeedData = Omit<Snapshot, 'ikey' | 'logs' | 'skey' | 'version'>
