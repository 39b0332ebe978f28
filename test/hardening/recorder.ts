// A recording proxy in front of a sandbox: every request that reaches "Duo" is kept (method and the
// target exactly as sent), and forwarded unchanged so lookups still get real answers.
import {type IncomingMessage, createServer, request} from 'node:http'
import type {AddressInfo} from 'node:net'

import {type RunningSandbox, type SandboxOptions, startSandbox} from '../../src/sandbox/server.js'

export interface Recorder {
  /** What a client uses as the API host. */
  url: string
  ikey: string
  skey: string
  sandbox: RunningSandbox
  /** "METHOD target" of every request received, in order. */
  seen: string[]
  /** The CLI's environment for this recorder. */
  env: Record<string, string>
  close(): Promise<void>
}

export async function startRecorder(options: SandboxOptions = {}): Promise<Recorder> {
  const sandbox = await startSandbox(options)
  const seen: string[] = []
  const server = createServer((req: IncomingMessage, res) => {
    seen.push(`${req.method} ${req.url}`)
    const upstream = request({headers: req.headers, host: '127.0.0.1', method: req.method, path: req.url, port: sandbox.port}, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await sandbox.close()
    },
    env: {DUO_HOST: url, DUO_IKEY: sandbox.ikey, DUO_SKEY: sandbox.skey},
    ikey: sandbox.ikey,
    sandbox,
    seen,
    skey: sandbox.skey,
    url,
  }
}
