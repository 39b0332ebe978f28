// What a fresh sandbox holds. Both sets come from a seeded PRNG, so ids and content are the same on
// every start and tests can rely on them.
import {type Random, digits, duoId, randomString, seededRandom} from './ids.js'
import type {DirectoryRecord, GroupRecord, PhoneRecord, SeedData, TokenRecord, UserRecord} from './records.js'

const DEMO_SEED = 0x00_d0_0d_e0
const GENERATED_SEED = 0x00_5e_ed_01
/** 2024-01-02T00:00:00Z: seeded timestamps are fixed, not "now", to stay reproducible. */
const EPOCH = 1_704_153_600
/** Shared by every seeded user that has none (records are never changed in place, see records.ts). */
const NONE: readonly never[] = Object.freeze([])
const NO_ALIASES: Readonly<Record<string, string>> = Object.freeze({})
const SMARTPHONE_CAPABILITIES: readonly string[] = Object.freeze(['auto', 'push', 'sms', 'phone', 'mobile_otp'])

export function seedData(users: number): SeedData {
  return users > 0 ? generatedSet(users) : demoSet()
}

interface DemoUser {
  username: string
  first: string
  last: string
  status?: UserRecord['status']
  groups: string[]
  phone?: Partial<PhoneRecord>
  token?: boolean
  webauthn?: boolean
  desktop?: boolean
  alias?: string
  bypassCodes?: number
}

const iphone: Partial<PhoneRecord> = {model: 'Apple iPhone 15', platform: 'Apple iOS'}
const android: Partial<PhoneRecord> = {model: 'Google Pixel 8', platform: 'Google Android'}
const landline: Partial<PhoneRecord> = {
  activated: false,
  capabilities: ['phone'],
  last_seen: null,
  model: 'Unknown',
  platform: 'Unknown',
  type: 'Landline',
}

const DEMO_USERS: DemoUser[] = [
  {alias: 'asmith', first: 'Alice', groups: ['Engineering'], last: 'Smith', phone: iphone, username: 'alice', webauthn: true},
  {first: 'Bob', groups: ['Engineering'], last: 'Jones', phone: android, username: 'bob'},
  {desktop: true, first: 'Carol', groups: ['Engineering', 'Helpdesk'], last: 'Nguyen', phone: iphone, username: 'carol'},
  {first: 'Dave', groups: ['Helpdesk'], last: 'Miller', token: true, username: 'dave'},
  {bypassCodes: 2, first: 'Erin', groups: ['Helpdesk'], last: 'Garcia', phone: landline, username: 'erin'},
  {first: 'Frank', groups: ['Contractors'], last: 'Wilson', status: 'bypass', username: 'frank'},
  {first: 'Grace', groups: ['Contractors'], last: 'Lee', phone: android, status: 'disabled', username: 'grace'},
  {first: 'Heidi', groups: ['Contractors'], last: 'Brown', username: 'heidi'},
  // Locked out after failed passcodes: the authentication log tells the story (sandbox/logs).
  {first: 'Oscar', groups: ['Engineering'], last: 'Reyes', status: 'locked out', username: 'oscar'},
]

const DEMO_GROUPS: Array<[string, string]> = [
  ['Engineering', 'Product engineers'],
  ['Helpdesk', 'IT support staff'],
  ['Contractors', 'External contractors'],
]

function demoSet(): SeedData {
  const random = seededRandom(DEMO_SEED)
  const groups = DEMO_GROUPS.map(([name, desc]) => group(random, name, desc))
  const groupIds = new Map(groups.map((g) => [g.name, g.group_id]))
  const phones: PhoneRecord[] = []
  const tokens: TokenRecord[] = []
  const users = DEMO_USERS.map((spec, i) => {
    const created = EPOCH + i * 86_400
    const user = baseUser(random, spec.username, spec.first, spec.last, created)
    user.status = spec.status ?? 'active'
    // Duo's lockout_reason for a user locked by failed attempts (Duo Admin API docs, "Users").
    if (user.status === 'locked out') user.lockout_reason = 'Failed Attempts'
    user.group_ids = spec.groups.map((name) => groupIds.get(name)!)
    if (spec.alias) user.aliases = {alias1: spec.alias}
    if (spec.phone) {
      const p = phone(random, `+1555010${String(i + 1).padStart(4, '0')}`, spec.phone)
      phones.push(p)
      user.phone_ids = [p.phone_id]
    }

    if (spec.token) {
      const t = token(random, 'h6', `10000${i}`)
      // RFC 4226's test secret, so `duo tokens resync` can be tried with its published codes.
      t.secrets = {counter: 0, secret: RFC4226_SECRET}
      tokens.push(t)
      user.token_ids = [t.token_id]
    }

    if (spec.webauthn) user.webauthncredentials = [webauthn(random, created)]
    if (spec.desktop) user.desktopauthenticators = [desktopAuthenticator(random)]
    user.bypass_codes = Array.from({length: spec.bypassCodes ?? 0}, () => ({
      admin_email: 'admin@example.com',
      bypass_code_id: duoId('DB', random),
      code: digits(9, random),
      created,
      expiration: null,
      reuse_count: 1,
    }))
    user.last_login = user.phone_ids.length + user.token_ids.length > 0 ? created + 3600 : null
    return user
  })

  const directory = demoDirectory(random)
  demoDevices(random, users, phones, tokens)
  return {directories: [directory], groups, phones, pushes: [], tokens, users}
}

/** "12345678901234567890" in hex: RFC 4226 appendix D's HOTP test secret. */
const RFC4226_SECRET = '3132333435363738393031323334353637383930'

/**
 * Devices beyond each user's first (drawn after everything above, so earlier ids stay the same):
 * a helpdesk loaner phone nobody holds yet, a spare TOTP token, Carol's passkey and Bob's legacy
 * U2F key, so every account-wide device list shows something.
 */
function demoDevices(random: Random, users: UserRecord[], phones: PhoneRecord[], tokens: TokenRecord[]): void {
  phones.push(
    phone(random, '+15550100099', {
      activated: false,
      capabilities: ['auto', 'sms', 'phone'],
      encrypted: '',
      fingerprint: '',
      last_seen: null,
      name: 'Helpdesk loaner',
      platform: 'Generic Smartphone',
      screenlock: '',
      tampered: '',
    }),
  )
  tokens.push({...token(random, 't6', 'TOTP-0001'), totp_step: 30})
  const byName = (name: string) => users.find((u) => u.username === name)!
  const carol = byName('carol')
  carol.webauthncredentials = [
    {
      ...webauthn(random, carol.created),
      aaguid: 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd',
      backup_eligible: true,
      backup_status: true,
      credential_name: 'MacBook passkey',
      label: 'iCloud Keychain',
      registered_as: 'platform',
      transports: ['internal', 'hybrid'],
    },
  ]
  const bob = byName('bob')
  bob.u2ftokens = [{date_added: bob.created + 600, registration_id: duoId('D2', random)}]
}

const FIRST_NAMES = ['Ada', 'Ben', 'Chloe', 'Dan', 'Eva', 'Femi', 'Gus', 'Hana', 'Ivan', 'Jia', 'Kofi', 'Lena', 'Mia', 'Nils', 'Omar', 'Priya']
const LAST_NAMES = ['Adams', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Gupta', 'Hill', 'Ito', 'Khan', 'Lopez', 'Moreau', 'Novak', 'Okafor']
const GENERATED_GROUPS = ['Engineering', 'Sales', 'Marketing', 'Finance', 'Support', 'Operations', 'Legal', 'People', 'IT', 'Research']

/** user00001 … spread round-robin over 10 groups; most have a phone, every 10th a token. */
function generatedSet(count: number): SeedData {
  const random = seededRandom(GENERATED_SEED)
  const groups = GENERATED_GROUPS.map((name) => group(random, name, `${name} department`))
  const memberships = groups.map((g) => Object.freeze([g.group_id]))
  const phones: PhoneRecord[] = []
  const tokens: TokenRecord[] = []
  const users: UserRecord[] = []
  for (let i = 1; i <= count; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length]
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]
    const user = baseUser(random, `user${String(i).padStart(5, '0')}`, first, last, EPOCH + i * 60)
    user.group_ids = memberships[i % groups.length]
    if (i % 20 !== 0) {
      const p = phone(random, `+1555${String(i).padStart(7, '0')}`, i % 2 ? iphone : android)
      phones.push(p)
      user.phone_ids = [p.phone_id]
    }

    if (i % 10 === 0) {
      const t = token(random, 'h6', String(300_000 + i))
      tokens.push(t)
      user.token_ids = [t.token_id]
    }

    if (i % 50 === 0) user.status = 'bypass'
    else if (i % 97 === 0) user.status = 'disabled'
    users.push(user)
  }

  return {directories: [demoDirectory(random)], groups, phones, pushes: [], tokens, users}
}

export function baseUser(random: Random, username: string, first: string, last: string, created: number): UserRecord {
  return {
    aliases: NO_ALIASES,
    bypass_codes: NONE,
    created,
    desktopauthenticators: NONE,
    email: `${username}@example.com`,
    enable_auto_prompt: true,
    firstname: first,
    group_ids: NONE,
    last_directory_sync: null,
    last_login: null,
    lastname: last,
    lockout_reason: null,
    notes: '',
    phone_ids: NONE,
    realname: `${first} ${last}`,
    status: 'active',
    token_ids: NONE,
    user_id: duoId('DU', random),
    username,
    webauthncredentials: NONE,
  }
}

export function group(random: Random, name: string, desc: string): GroupRecord {
  return {
    desc,
    group_id: duoId('DG', random),
    mobile_otp_enabled: true,
    name,
    push_enabled: true,
    sms_enabled: true,
    status: 'active',
    voice_enabled: true,
  }
}

function phone(random: Random, number: string, overrides: Partial<PhoneRecord>): PhoneRecord {
  return {
    activated: true,
    capabilities: SMARTPHONE_CAPABILITIES,
    encrypted: 'Encrypted',
    extension: '',
    fingerprint: 'Configured',
    last_seen: '2024-03-04T15:04:04',
    model: 'Unknown',
    name: '',
    number,
    phone_id: duoId('DP', random),
    platform: 'Unknown',
    postdelay: null,
    predelay: null,
    screenlock: 'Locked',
    sms_passcodes_sent: false,
    tampered: 'Not tampered',
    type: 'Mobile',
    ...overrides,
  }
}

function token(random: Random, type: string, serial: string): TokenRecord {
  return {serial, token_id: duoId('DH', random), totp_step: null, type}
}

function webauthn(random: Random, created: number) {
  return {
    aaguid: 'ee882879-721c-4913-9775-3dfcce97072a',
    backup_eligible: false,
    backup_status: false,
    credential_name: 'YubiKey 5 NFC',
    date_added: created,
    date_last_used: created + 7200,
    label: 'Security Key',
    passwordless_authorized: true,
    registered_as: 'cross-platform' as const,
    transports: ['usb', 'nfc'],
    uv_capable: true,
    webauthnkey: duoId('WA', random),
  }
}

function desktopAuthenticator(random: Random) {
  return {
    daid: duoId('DA', random),
    dakey: randomString(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', random),
    device_name: 'CAROL-MBP',
    duo_desktop_version: '7.4.0.0',
    os_family: 'macOS',
  }
}

function demoDirectory(random: Random): DirectoryRecord {
  return {directory_key: duoId('DD', random), directory_type: 'azure', name: 'Example Entra ID'}
}
