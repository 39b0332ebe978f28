// What the network tests stand up on 127.0.0.1 (port 0, so files can run in parallel): a real
// forwarding proxy (the `proxy` package) that counts what crosses it, a certificate authority made
// with the openssl CLI, and an https front that relays to a plain-http sandbox.
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createServer, request as httpRequest} from 'node:http'
import {createServer as createHttpsServer} from 'node:https'
import type {AddressInfo, Server} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createProxy} from 'proxy'

export interface CountingProxy {
  url: string
  /** Plain-http requests forwarded (an http:// API host through HTTP_PROXY). */
  readonly requests: number
  /** CONNECT tunnels opened (an https:// API host through HTTPS_PROXY). */
  readonly tunnels: number
  /** TCP connections accepted: fewer than requests means keep-alive worked. */
  readonly connections: number
  close(): Promise<void>
}

export async function startCountingProxy(): Promise<CountingProxy> {
  const counts = {connections: 0, requests: 0, tunnels: 0}
  const server = createProxy(createServer())
  server.on('request', () => counts.requests++)
  server.on('connect', () => counts.tunnels++)
  server.on('connection', () => counts.connections++)
  const url = `http://127.0.0.1:${await listen(server)}`
  return {
    close: () => close(server),
    get connections() {
      return counts.connections
    },
    get requests() {
      return counts.requests
    },
    get tunnels() {
      return counts.tunnels
    },
    url,
  }
}

/** A loopback URL where nothing listens (the port was free a moment ago). */
export async function deadUrl(): Promise<string> {
  const server = createServer()
  const port = await listen(server)
  await close(server)
  return `http://127.0.0.1:${port}`
}

export interface TestPki {
  dir: string
  /** The CA that signed both server certificates. */
  caFile: string
  /** A CA that signed nothing here. */
  otherCaFile: string
  /** Valid for 127.0.0.1 and localhost. */
  server: {cert: string; key: string}
  /** Signed by the CA, but for wrong.example only. */
  wrongHost: {cert: string; key: string}
  cleanup(): void
}

/** A throwaway CA and server certificates, made with the openssl CLI in a temp dir. */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'duo-pki-'))
  const file = (name: string) => join(dir, name)
  const openssl = (...args: string[]) => execFileSync('openssl', args, {cwd: dir, stdio: ['ignore', 'pipe', 'pipe']})
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes']
  const makeCa = (name: string, subject: string) =>
    openssl('req', '-x509', ...ec, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', subject,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign')
  makeCa('ca', '/CN=Duo CLI Test Inspecting CA/O=Duo CLI Tests')
  makeCa('other-ca', '/CN=Duo CLI Unrelated CA/O=Duo CLI Tests')
  const makeServer = (name: string, altNames: string) => {
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`)
    writeFileSync(file(`${name}.ext`), `subjectAltName=${altNames}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`)
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', `${name}.ext`)
    return {cert: file(`${name}.pem`), key: file(`${name}.key`)}
  }

  return {
    caFile: file('ca.pem'),
    cleanup: () => rmSync(dir, {force: true, recursive: true}),
    dir,
    otherCaFile: file('other-ca.pem'),
    server: makeServer('server', 'IP:127.0.0.1,DNS:localhost'),
    wrongHost: makeServer('wrong', 'DNS:wrong.example'),
  }
}

export interface TlsFront {
  url: string
  /** TCP connections accepted, handshakes that failed included. */
  readonly connections: number
  close(): Promise<void>
}

/**
 * https://127.0.0.1:PORT relaying every request unchanged (Host header included, so Duo signatures
 * still verify) to an http upstream such as the sandbox.
 */
export async function startTlsFront(upstream: string, keyPair: {cert: string; key: string}): Promise<TlsFront> {
  let connections = 0
  const server = createHttpsServer({cert: readFileSync(keyPair.cert), key: readFileSync(keyPair.key)}, (req, res) => {
    const forward = httpRequest(new URL(req.url ?? '/', upstream), {headers: req.headers, method: req.method}, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    forward.on('error', () => res.destroy())
    req.pipe(forward)
  })
  server.on('connection', () => connections++)
  const port = await listen(server)
  return {
    close: () => close(server),
    get connections() {
      return connections
    },
    url: `https://127.0.0.1:${port}`,
  }
}

/** http and https servers alike. */
type ClosableServer = Server & {closeAllConnections(): void}

function listen(server: ClosableServer): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

function close(server: ClosableServer): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
