// How requests reach Duo from inside a company network. Each client gets one keep-alive agent that
// picks a proxy per request (the profile's `proxy`, else HTTPS_PROXY / HTTP_PROXY / NO_PROXY, read
// by proxy-agent through proxy-from-env) and trusts Node's CA store, plus a corporate CA bundle
// when one is given. There is deliberately no setting that turns certificate verification off.
import {X509Certificate} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {type ClientRequest, Agent as HttpAgent} from 'node:http'
import {Agent as HttpsAgent} from 'node:https'
import {resolve} from 'node:path'
import {rootCertificates} from 'node:tls'
import type {ProxyAgent} from 'proxy-agent'

import {ConfigError} from '../core/errors.js'

/** The proxy setting that means "connect directly, whatever the environment says". */
export const DIRECT = 'direct'

/** What proxy-agent can speak (PAC files are left out: they run downloaded JavaScript). */
const PROXY_PROTOCOLS = ['http:', 'https:', 'socks:', 'socks4:', 'socks4a:', 'socks5:', 'socks5h:']

export interface NetworkSettings {
  /** A proxy URL, or DIRECT; unset: the environment decides. */
  proxy?: string
  /** A PEM file of CA certificates trusted on top of the default ones. */
  caBundle?: string
}

export interface CaBundle {
  /** Absolute, so a profile keeps pointing at the same file from any directory. */
  path: string
  certificates: X509Certificate[]
  pems: string[]
}

export interface Transport {
  /** The agent for a request to this URL. */
  agentFor(url: URL): Promise<HttpAgent>
  readonly caBundle?: CaBundle
  /** The proxy a request to this URL goes through (password hidden), or undefined when direct. */
  proxyFor(url: string): Promise<string | undefined>
  close(): void
}

export interface TransportFailure {
  message: string
  hint: string
  /** A TLS verification failure will not heal by itself: retrying only delays the message. */
  retryable: boolean
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

export function readCaBundle(file: string): CaBundle {
  const path = resolve(file)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigError(`Cannot read the CA bundle ${path}: ${(error as Error).message}`, 'Give a PEM file holding the CA certificate(s) to trust.')
  }

  const pems = text.match(PEM_BLOCK) ?? []
  if (pems.length === 0) {
    throw new ConfigError(
      `The CA bundle ${path} holds no PEM certificate.`,
      'It needs "-----BEGIN CERTIFICATE-----" blocks; convert a DER file with `openssl x509 -inform der -in FILE -out FILE.pem`.',
    )
  }

  const certificates = pems.map((pem, index) => {
    try {
      return new X509Certificate(pem)
    } catch (error) {
      throw new ConfigError(`Certificate ${index + 1} in the CA bundle ${path} is not valid: ${(error as Error).message}`)
    }
  })
  return {certificates, path, pems}
}

/** The proxy setting as stored: DIRECT or a URL proxy-agent supports. */
export function checkProxySetting(value: string): string {
  const trimmed = value.trim()
  if (trimmed.toLowerCase() === DIRECT) return DIRECT
  let url: URL | undefined
  try {
    url = new URL(trimmed)
  } catch {
    url = undefined
  }

  if (!url || !PROXY_PROTOCOLS.includes(url.protocol) || !url.hostname) {
    throw new ConfigError(
      `"${redactProxy(trimmed)}" is not a proxy URL duo can use.`,
      `Give one such as http://proxy.example.com:3128 (schemes: ${PROXY_PROTOCOLS.map((p) => p.slice(0, -1)).join(', ')}), or "${DIRECT}" for none.`,
    )
  }

  return trimmed
}

/** A proxy URL safe to print: any password replaced. */
export function redactProxy(proxy: string): string {
  try {
    const url = new URL(proxy)
    if (url.password) url.password = '****'
    return url.password ? url.href : proxy
  } catch {
    return proxy
  }
}

export function createTransport(settings: NetworkSettings = {}): Transport {
  const caBundle = settings.caBundle ? readCaBundle(settings.caBundle) : undefined
  const proxy = settings.proxy === undefined ? undefined : checkProxySetting(settings.proxy)
  // Node's `ca` replaces the default roots instead of adding to them, hence the concatenation.
  const trust = caBundle ? {ca: [...rootCertificates, ...extraCertificatesFromEnv(), ...caBundle.pems]} : {}
  const options = {keepAlive: true, maxSockets: 16, ...trust}
  const httpAgent = new HttpAgent(options)
  const httpsAgent = new HttpsAgent(options)
  const direct = (url: URL) => (url.protocol === 'https:' ? httpsAgent : httpAgent)
  const destroyDirect = () => (httpAgent.destroy(), httpsAgent.destroy())
  // ProxyAgent only when a proxy may apply: it then decides per request (NO_PROXY included). Plain
  // agents otherwise, which also keeps in-process HTTP interceptors (nock) working in tests.
  const proxied = proxy === undefined ? proxyInEnvironment() : proxy !== DIRECT
  if (!proxied) return {agentFor: async (url) => direct(url), caBundle, close: destroyDirect, proxyFor: async () => undefined}

  // Imported on first use, so that runs without a proxy never pay for loading it.
  let loaded: Promise<{tunnels: ProxyAgent; plain: ProxyAgent}> | undefined
  const proxyAgents = () =>
    (loaded ??= import('proxy-agent').then(({ProxyAgent}) => {
      // Given its direct agents because ProxyAgent's destroy() leaves the ones it builds itself open.
      const shared = {...options, httpAgent, httpsAgent, ...(proxy === undefined ? {} : {getProxyForUrl: () => proxy})}
      // Behind ProxyAgent, http-proxy-agent 9 sends a request on a reused proxy connection with a
      // relative path (the header is written before the socket is chosen, and only a new connection
      // rewrites it), which the proxy cannot route. So plain http through a proxy, which only a
      // loopback sandbox uses, opens a connection per request; https (Duo) keeps its tunnels alive.
      return {plain: new ProxyAgent({...shared, keepAlive: false}), tunnels: new ProxyAgent(shared)}
    }))
  return {
    async agentFor(url) {
      const {plain, tunnels} = await proxyAgents()
      return url.protocol === 'http:' ? plain : tunnels
    },
    caBundle,
    close() {
      destroyDirect()
      void loaded?.then(({plain, tunnels}) => (plain.destroy(), tunnels.destroy()))
    },
    async proxyFor(url) {
      // Either resolver (proxy-from-env's, or the fixed one above) reads only the URL.
      const chosen = await (await proxyAgents()).tunnels.getProxyForUrl(url, undefined as unknown as ClientRequest)
      return chosen ? redactProxy(chosen) : undefined
    },
  }
}

/** The variables proxy-from-env reads a proxy from (it tries lower case first, as curl does). */
function proxyInEnvironment(): boolean {
  return ['http_proxy', 'https_proxy', 'all_proxy'].some((name) => process.env[name] || process.env[name.toUpperCase()])
}

/**
 * NODE_EXTRA_CA_CERTS is part of Node's default store, which an explicit `ca` replaces, so it is
 * read again to keep working next to a CA bundle. A broken file is skipped: Node has already
 * warned about it at start-up.
 */
function extraCertificatesFromEnv(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS
  if (!file) return []
  try {
    return readFileSync(file, 'utf8').match(PEM_BLOCK) ?? []
  } catch {
    return []
  }
}

/** Node's codes for a certificate chain that ends in a root this process does not trust. */
const UNTRUSTED = new Set([
  'CERT_UNTRUSTED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
])

/** Turns a failure before any HTTP answer (DNS, refused, timeout, TLS) into a message and a fix. */
export function describeTransportFailure(
  error: unknown,
  context: {baseUrl: string; timeoutMs: number; proxy?: string; caBundle?: string},
): TransportFailure {
  const err = error as {code?: string; message?: string; name?: string}
  const host = new URL(context.baseUrl).host
  const via = context.proxy ? ` through the proxy ${context.proxy}` : ''
  const code = err.code ?? ''
  const reason = err.message ?? String(error)
  const trustFix =
    'If a TLS-inspecting proxy or firewall sits between you and Duo, get its CA certificate (PEM) and pass it with --ca-bundle FILE, store it in the profile (`duo profiles add --ca-bundle FILE`), or set NODE_EXTRA_CA_CERTS=FILE.'

  if (UNTRUSTED.has(code)) {
    const bundle = context.caBundle ? ` (the CA bundle ${context.caBundle} does not sign it either)` : ''
    return {
      hint: trustFix,
      message: `TLS verification failed for ${host}${via}: its certificate is signed by an authority this computer does not trust${bundle} (${code}).`,
      retryable: false,
    }
  }

  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return {
      hint: `Check the API host (\`duo profiles show\`); a proxy that inspects TLS must issue certificates for ${new URL(context.baseUrl).hostname}.`,
      message: `TLS verification failed for ${host}${via}: the certificate is not for this hostname (${code}: ${reason}).`,
      retryable: false,
    }
  }

  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return {
      hint: 'Check this computer\'s clock; if it is right, the certificate (or an inspecting proxy\'s) really is out of date.',
      message: `TLS verification failed for ${host}${via}: the certificate is outside its validity dates (${code}).`,
      retryable: false,
    }
  }

  if (/^(CERT_|ERR_TLS_|ERR_SSL_)/.test(code)) {
    return {hint: trustFix, message: `TLS handshake with ${host}${via} failed (${code}): ${reason}`, retryable: false}
  }

  // Only the sandbox is reached on loopback (plain http is refused elsewhere): a refusal there means
  // it is not running, and retrying or suggesting a proxy would only hide that.
  const {hostname} = new URL(context.baseUrl)
  if (code === 'ECONNREFUSED' && !context.proxy && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) {
    return {
      hint: 'Start it with `duo sandbox start` (on the same --port), or use --sandbox for one inside the command.',
      message: `The sandbox at ${context.baseUrl} is not running (ECONNREFUSED: nothing listens on ${host}).`,
      retryable: false,
    }
  }

  const networkFix = context.proxy
    ? `Check that the proxy ${context.proxy} is reachable, or set NO_PROXY / the profile's proxy if Duo should be reached directly.`
    : 'Check the API host, your network, and whether you need a proxy (HTTPS_PROXY or the profile\'s proxy).'
  // TimeoutError from http-exchange.ts; AbortError from an AbortSignal.timeout (doctor's probe).
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return {hint: networkFix, message: `No answer from ${context.baseUrl}${via} within ${context.timeoutMs / 1000} s`, retryable: true}
  }

  return {hint: networkFix, message: `Could not reach ${context.baseUrl}${via}${code ? ` (${code})` : ''}: ${reason}`, retryable: true}
}
