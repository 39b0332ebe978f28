// Which keys a command uses: --profile (or DUO_PROFILE), then the environment, then the default
// profile. The environment form suits CI; the seed's DUO_SECURITY_USERNAME/PASSWORD name the
// integration and secret keys.
import type {Credentials} from './calls.js'
import {ConfigError} from './errors.js'
import {parseApiHost} from './host.js'
import type {ProfileAccount, ProfileStore} from './profiles.js'

export interface ResolvedCredentials extends Credentials {
  /** Where they came from, for messages (never the secret). */
  source: string
  /** The child account the profile names; looked up by the caller, which may call Duo (core does not). */
  profileAccount?: ProfileAccount
}

/** Where the credentials come from by the resolution order, before anything in them is checked. */
export type CredentialSource = {kind: 'environment'} | {kind: 'none'} | {kind: 'profile'; name: string}

export function credentialSource(store: ProfileStore, profileName: string | undefined, env: NodeJS.ProcessEnv = process.env): CredentialSource {
  if (profileName) return {kind: 'profile', name: profileName}
  if (env.DUO_IKEY ?? env.DUO_SECURITY_USERNAME ?? env.DUO_SKEY ?? env.DUO_SECURITY_PASSWORD ?? env.DUO_HOST) return {kind: 'environment'}
  const name = store.defaultName()
  return name ? {kind: 'profile', name} : {kind: 'none'}
}

/** The API host as written where the credentials come from (unchecked), for diagnosing it. */
export function sourceHost(store: ProfileStore, source: CredentialSource, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (source.kind === 'environment') return env.DUO_HOST
  return source.kind === 'profile' ? store.find(source.name)?.host : undefined
}

export function resolveCredentials(
  store: ProfileStore,
  profileName: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedCredentials {
  const source = credentialSource(store, profileName, env)
  if (source.kind === 'profile') return fromProfile(store, source.name)

  const ikey = env.DUO_IKEY ?? env.DUO_SECURITY_USERNAME
  const skey = env.DUO_SKEY ?? env.DUO_SECURITY_PASSWORD
  const host = env.DUO_HOST
  if (source.kind === 'environment') {
    const missing = [
      ikey ? undefined : 'DUO_IKEY (or DUO_SECURITY_USERNAME)',
      skey ? undefined : 'DUO_SKEY (or DUO_SECURITY_PASSWORD)',
      host ? undefined : 'DUO_HOST',
    ].filter(Boolean)
    if (missing.length > 0) {
      throw new ConfigError(`Credentials in the environment are incomplete: ${missing.join(', ')} not set.`, 'Set all three, or unset them to use a profile.')
    }

    parseApiHost(host!)
    return {host: host!, ikey: ikey!, skey: skey!, source: 'the environment (DUO_IKEY/DUO_SKEY/DUO_HOST)'}
  }

  throw new ConfigError(
    'No Duo credentials: no profile is set up and DUO_IKEY/DUO_SKEY/DUO_HOST are not set.',
    'Run `duo profiles add`, set the environment variables, or try the local emulator with --sandbox.',
  )
}

function fromProfile(store: ProfileStore, name: string): ResolvedCredentials {
  const {account, ...profile} = store.get(name)
  parseApiHost(profile.host)
  return {...profile, source: `profile "${name}"`, ...(account ? {profileAccount: account} : {})}
}
