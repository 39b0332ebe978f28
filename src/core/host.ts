// Where requests go. A profile's host is Duo's API hostname (api-XXXXXXXX.duosecurity.com) or a
// URL; plain http is allowed only on loopback, which is where the sandbox runs.
import {isIP} from 'node:net'

import {ConfigError} from './errors.js'

export interface ApiEndpoint {
  /** scheme://host[:port], no trailing slash. */
  baseUrl: string
  /** The host line of the canonical string: lowercased, without the port (Duo Admin API docs, "Authentication"). */
  signHost: string
}

export function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (bare === 'localhost' || bare === '::1') return true
  return isIP(bare) === 4 && bare.startsWith('127.')
}

export function parseApiHost(input: string): ApiEndpoint {
  const trimmed = input.trim()
  if (!trimmed) throw new ConfigError('The API host is empty.', 'Give the API hostname from the Admin Panel, e.g. api-1234abcd.duosecurity.com.')
  let url: URL
  try {
    url = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`)
  } catch {
    throw new ConfigError(`"${trimmed}" is not a valid API host.`, 'Give the hostname only, e.g. api-1234abcd.duosecurity.com.')
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`The API host must use https, not ${url.protocol.replace(':', '')}.`)
  }

  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(
      `Plain http is refused for ${url.hostname}: the secret key would sign requests anyone on the network can read.`,
      'Use https://, or http only for a loopback sandbox such as http://127.0.0.1:PORT.',
    )
  }

  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new ConfigError(`The API host "${trimmed}" must not carry credentials, a path or a query.`)
  }

  return {baseUrl: url.origin, signHost: url.hostname.toLowerCase()}
}
