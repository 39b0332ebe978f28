// Named credential profiles, in `config.json` in the config dir. The file holds secret keys, so
// the folder is 0700 and the file 0600, checked again after every write; a command that reads a file
// others can read says so. Every change is a read-modify-write under the file's lock, written
// atomically (file-lock.ts), so profiles saved by commands running at once are all kept.
import {chmodSync, existsSync, mkdirSync, readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

import type {SignatureVersion} from './signing.js'
import {ConfigError, UsageError} from './errors.js'
import {withFileLockSync, writeFileAtomicSync} from './file-lock.js'

export interface Profile {
  ikey: string
  skey: string
  host: string
  signatureVersion?: SignatureVersion
  /** A proxy URL, or "direct" to ignore HTTPS_PROXY and friends (network.ts). */
  proxy?: string
  /** Absolute path of a PEM file of extra CA certificates (a TLS-inspecting proxy's CA). */
  caBundle?: string
  /** The MSP child account these (the parent's) keys act on, as found when it was set. */
  account?: ProfileAccount
}

/**
 * A child account as a profile keeps it: the id, which is looked up again on every run (its
 * api_hostname comes from the parent's list then), and the name, for people to read.
 */
export interface ProfileAccount {
  account_id: string
  name: string
}

interface Schema {
  defaultProfile?: string
  profiles: Record<string, Profile>
}

const NAME = /^[\w.-]{1,64}$/
/** Names that mean something to every JavaScript object: never a profile. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype'])

export function checkProfileName(name: string): string {
  if (!NAME.test(name) || RESERVED.has(name)) {
    throw new UsageError(`"${name}" is not a valid profile name.`, 'Use letters, digits, dot, dash or underscore (at most 64); not __proto__, constructor or prototype.')
  }

  return name
}

export interface ProfileStoreOptions {
  /** Told once per process when the file or its folder can be read by others (POSIX only). */
  warn?: (message: string) => void
}

export class ProfileStore {
  /** `${configDir}/config.json`. */
  readonly path: string
  private warned = false

  constructor(
    readonly configDir: string,
    private readonly options: ProfileStoreOptions = {},
  ) {
    mkdirSync(configDir, {mode: 0o700, recursive: true})
    this.path = join(configDir, 'config.json')
  }

  /** Whether the file is readable by others than its owner (a secret leak). */
  looseMode(): number | undefined {
    if (!existsSync(this.path)) return undefined
    const mode = statSync(this.path).mode & 0o777
    return mode & 0o077 ? mode : undefined
  }

  names(): string[] {
    return Object.keys(this.read().profiles).sort()
  }

  defaultName(): string | undefined {
    return this.read().defaultProfile
  }

  find(name: string): Profile | undefined {
    const {profiles} = this.read()
    return Object.hasOwn(profiles, name) ? profiles[name] : undefined
  }

  get(name: string): Profile {
    const profile = this.find(name)
    if (!profile) throw this.missing(name)
    return profile
  }

  /** Saves (or replaces) a profile; the first one saved becomes the default. */
  save(name: string, profile: Profile, makeDefault = false): void {
    checkProfileName(name)
    this.change((data) => {
      data.profiles = {...data.profiles, [name]: profile}
      if (makeDefault || !data.defaultProfile) data.defaultProfile = name
    })
  }

  /** Changes some settings of an existing profile (under the lock); the keys and the rest stay as they are. */
  update(name: string, changes: Partial<Omit<Profile, 'ikey' | 'skey'>>): void {
    this.change((data) => {
      if (!Object.hasOwn(data.profiles, name)) throw this.missing(name, data)
      data.profiles = {...data.profiles, [name]: {...data.profiles[name], ...changes}}
    })
  }

  use(name: string): void {
    this.change((data) => {
      if (!Object.hasOwn(data.profiles, name)) throw this.missing(name, data)
      data.defaultProfile = name
    })
  }

  remove(name: string): void {
    this.change((data) => {
      if (!Object.hasOwn(data.profiles, name)) throw this.missing(name, data)
      const {[name]: _removed, ...rest} = data.profiles
      data.profiles = rest
      if (data.defaultProfile === name) delete data.defaultProfile
    })
  }

  private missing(name: string, data: Schema = this.read()): ConfigError {
    const known = Object.keys(data.profiles).sort()
    return new ConfigError(
      `No profile named "${name}".`,
      known.length > 0 ? `Known profiles: ${known.join(', ')}.` : 'Add one with `duo profiles add`.',
    )
  }

  /** Read, change and write back under the lock, so a change made meanwhile by another process is kept. */
  private change(edit: (data: Schema) => void): void {
    withFileLockSync(this.path, () => {
      const data = this.read()
      edit(data)
      writeFileAtomicSync(this.path, JSON.stringify(data, null, '\t'))
      // The mode applies when a file is created; an older file, or the folder, may be looser.
      chmodSync(this.path, 0o600)
      if (process.platform !== 'win32') chmodSync(this.configDir, 0o700)
    })
  }

  private read(): Schema {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {profiles: {}}
      throw new ConfigError(`Cannot read ${this.path}: ${(error as Error).message}`)
    }

    this.warnIfLoose()
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      throw new ConfigError(`${this.path} is not valid JSON.`, 'Fix or remove the file, then add the profiles again.')
    }

    return checkShape(this.path, parsed)
  }

  private warnIfLoose(): void {
    // Windows has no such modes: nothing to warn about there.
    if (this.warned || !this.options.warn || process.platform === 'win32') return
    this.warned = true
    const mode = this.looseMode()
    if (mode !== undefined) {
      this.options.warn(
        `Warning: ${this.path} holds secret keys and can be read by others (mode ${mode.toString(8).padStart(4, '0')}). Fix: chmod 600 ${this.path}`,
      )
    }

    const dirMode = statSync(this.configDir).mode & 0o777
    if (dirMode & 0o077) {
      this.options.warn(`Warning: ${this.configDir} can be listed by others (mode ${dirMode.toString(8).padStart(4, '0')}). Fix: chmod 700 ${this.configDir}`)
    }
  }
}

const PROFILE_FIELDS: Record<Exclude<keyof Profile, 'account'>, 'optional' | 'required'> = {
  caBundle: 'optional',
  host: 'required',
  ikey: 'required',
  proxy: 'optional',
  signatureVersion: 'optional',
  skey: 'required',
}

/** The file's content as a Schema, or a ConfigError naming the file and the first field of the wrong shape. */
function checkShape(file: string, parsed: unknown): Schema {
  const wrong = (field: string, what: string) =>
    new ConfigError(`${file}: ${field} ${what}.`, 'Fix that field, or remove the profile with `duo profiles remove` and add it again.')
  if (!isObject(parsed)) throw wrong('the top level', 'must be an object')
  const {defaultProfile, profiles = {}} = parsed as {defaultProfile?: unknown; profiles?: unknown}
  if (defaultProfile !== undefined && typeof defaultProfile !== 'string') throw wrong('defaultProfile', 'must be a string')
  if (!isObject(profiles)) throw wrong('profiles', 'must be an object of named profiles')
  const checked: Record<string, Profile> = {}
  for (const [name, profile] of Object.entries(profiles)) {
    const at = `profiles[${JSON.stringify(name)}]`
    if (!NAME.test(name) || RESERVED.has(name)) throw wrong(at, 'is not a valid profile name')
    if (!isObject(profile)) throw wrong(at, 'must be an object with ikey, skey and host')
    for (const [field, need] of Object.entries(PROFILE_FIELDS)) {
      const value = profile[field]
      if (value === undefined && need === 'optional') continue
      if (field === 'signatureVersion' ? value !== 2 && value !== 5 : typeof value !== 'string' || value === '') {
        throw wrong(`${at}.${field}`, value === undefined ? 'is missing' : field === 'signatureVersion' ? 'must be 2 or 5' : 'must be a non-empty string')
      }
    }

    const {account} = profile
    if (account !== undefined && !(isObject(account) && nonEmpty(account.account_id) && nonEmpty(account.name))) {
      throw wrong(`${at}.account`, 'must be an object with a non-empty account_id and name')
    }

    checked[name] = profile as unknown as Profile
  }

  return {...(defaultProfile === undefined ? {} : {defaultProfile}), profiles: checked}
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value !== ''
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function sandboxStateFile(configDir: string): string {
  return join(configDir, 'sandbox', 'state.json')
}
