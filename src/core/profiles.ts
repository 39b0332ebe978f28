// Named credential profiles, stored with conf in the config dir. The file holds secret keys, so
// the folder is 0700 and the file 0600, checked again after every write.
//
// Reading is a plain JSON read; conf (with its JSON-schema machinery, ~45 ms to load) is loaded
// only to write, so the commands that merely use a profile start faster.
import type Conf from 'conf'
import {chmodSync, existsSync, mkdirSync, readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'

import type {SignatureVersion} from './signing.js'
import {ConfigError, UsageError} from './errors.js'

export interface Profile {
  ikey: string
  skey: string
  host: string
  signatureVersion?: SignatureVersion
  /** A proxy URL, or "direct" to ignore HTTPS_PROXY and friends (network.ts). */
  proxy?: string
  /** Absolute path of a PEM file of extra CA certificates (a TLS-inspecting proxy's CA). */
  caBundle?: string
}

interface Schema {
  defaultProfile?: string
  profiles: Record<string, Profile>
}

const NAME = /^[\w.-]{1,64}$/

export function checkProfileName(name: string): string {
  if (!NAME.test(name)) throw new UsageError(`"${name}" is not a valid profile name.`, 'Use letters, digits, dot, dash or underscore (at most 64).')
  return name
}

const require = createRequire(import.meta.url)

export class ProfileStore {
  /** Where conf keeps the file: `${configDir}/config.json`. */
  readonly path: string
  private writer?: Conf<Schema>

  constructor(readonly configDir: string) {
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
    return Object.hasOwn(this.read().profiles, name) ? this.read().profiles[name] : undefined
  }

  get(name: string): Profile {
    const profile = this.find(name)
    if (!profile) {
      const known = this.names()
      throw new ConfigError(
        `No profile named "${name}".`,
        known.length > 0 ? `Known profiles: ${known.join(', ')}.` : 'Add one with `duo profiles add`.',
      )
    }

    return profile
  }

  /** Saves (or replaces) a profile; the first one saved becomes the default. */
  save(name: string, profile: Profile, makeDefault = false): void {
    checkProfileName(name)
    this.conf().set('profiles', {...this.read().profiles, [name]: profile})
    if (makeDefault || !this.defaultName()) this.conf().set('defaultProfile', name)
    this.tighten()
  }

  use(name: string): void {
    this.get(name)
    this.conf().set('defaultProfile', name)
    this.tighten()
  }

  remove(name: string): void {
    this.get(name)
    const {[name]: _removed, ...rest} = this.read().profiles
    this.conf().set('profiles', rest)
    if (this.defaultName() === name) this.conf().delete('defaultProfile')
    this.tighten()
  }

  private read(): Schema {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {profiles: {}}
      throw new ConfigError(`Cannot read ${this.path}: ${(error as Error).message}`)
    }

    try {
      const parsed = JSON.parse(text) as Partial<Schema>
      return {...parsed, profiles: parsed.profiles ?? {}}
    } catch {
      throw new ConfigError(`${this.path} is not valid JSON.`, 'Fix or remove the file, then add the profiles again.')
    }
  }

  private conf(): Conf<Schema> {
    const ConfClass = (require('conf') as {default: typeof Conf}).default
    this.writer ??= new ConfClass<Schema>({
      configFileMode: 0o600,
      configName: 'config',
      cwd: this.configDir,
      defaults: {profiles: {}},
      projectName: 'duo',
    })
    return this.writer
  }

  private tighten(): void {
    // conf applies the mode only when it creates the file; an older file may be looser.
    chmodSync(this.path, 0o600)
  }
}

export function sandboxStateFile(configDir: string): string {
  return join(configDir, 'sandbox', 'state.json')
}
