// One HTTP listener on loopback: the parent account's host, or one child account's.
import {type IncomingMessage, type ServerResponse, createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

export interface Listener {
  port: number
  /** e.g. http://127.0.0.1:54321 */
  url: string
  /** Stops listening and closes keep-alive connections. */
  close(): Promise<void>
}

export async function listen(host: string, port: number, handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<Listener> {
  const server = createServer(handle)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const bound = (server.address() as AddressInfo).port
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
    port: bound,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
  }
}
