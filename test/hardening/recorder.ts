// A recording proxy in front of a sandbox: every request that reaches "Duo" is kept (method and the
// target exactly as sent), and forwarded unchanged so lookups still get real answers.
import {type IncomingMessage, createServer, request} from 'node:http'
import type {AddressInfo} from 'node:net'

import {type RunningSandbox, type SandboxOptions, startSandbox} from '../../src/sandbox/server.js'
import {DuoClient} from '../../src/transport/client.js'

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

export interface RecordingSuite {
  readonly recorder: Recorder
  /** A signed client on the recorder that tries once (a refused call is not retried into the log). */
  readonly client: DuoClient
}

/** Registers hooks in the calling describe block: a recorder and its client, the log emptied before each test. */
export function recordingSuite(): RecordingSuite {
  let recorder: Recorder | undefined
  let client: DuoClient | undefined
  before(async () => {
    recorder = await startRecorder()
    client = new DuoClient({credentials: {host: recorder.url, ikey: recorder.ikey, skey: recorder.skey}, maxAttempts: 1})
  })
  after(async () => {
    client?.close()
    await recorder?.close()
  })
  beforeEach(() => {
    if (recorder) recorder.seen.length = 0
  })
  return {
    get client() {
      if (!client) throw new Error('the recorder starts in before()')
      return client
    },
    get recorder() {
      if (!recorder) throw new Error('the recorder starts in before()')
      return recorder
    },
  }
}
