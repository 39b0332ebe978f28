import {expect} from 'chai'
import {type Server, type ServerResponse, createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

import {DuoClient} from '../../src/transport/client.js'
import {DuoApiError, NetworkError} from '../../src/core/errors.js'

describe('client: answers that never come, stop halfway or point elsewhere', () => {
  let server: Server
  let url: string
  // What the server does with each request, by path.
  const behaviours: Record<string, (res: ServerResponse) => void> = {
    // Headers, then half a body, then a cut connection.
    '/cut': (res) => {
      res.writeHead(200, {'Content-Length': '100', 'Content-Type': 'application/json'})
      res.write('{"stat": "OK", "resp')
      setTimeout(() => res.socket?.destroy(), 20)
    },
    '/moved': (res) => {
      res.writeHead(302, {Location: 'https://elsewhere.example/admin/v1/users'})
      res.end()
    },
    // Accepts the request and never answers.
    '/silent': () => {},
    // Headers at once, then a body that never finishes.
    '/stalled': (res) => {
      res.writeHead(200, {'Content-Type': 'application/json'})
      res.write('{"stat": ')
    },
  }
  before(async () => {
    server = createServer((req, res) => behaviours[req.url!.split('?')[0]](res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => {
    server.closeAllConnections()
    server.close()
  })

  const failureOf = async (path: string) => {
    const client = new DuoClient({credentials: {host: url, ikey: 'DIABCDEFGHIJKLMNOPQR', skey: 'x'}, maxAttempts: 1, timeoutMs: 200})
    const error = await client.request('POST', path, {username: 'x'}).catch((error_) => error_)
    client.close()
    return error
  }

  it('gives up on a silent server after timeoutMs, as a NetworkError naming the wait', async () => {
    const error = await failureOf('/silent')
    expect(error).to.be.instanceOf(NetworkError)
    expect(error.message).to.match(/within 0\.2 s/)
  })

  it('gives up the same way on a body that stops arriving', async () => {
    const error = await failureOf('/stalled')
    expect(error).to.be.instanceOf(NetworkError)
    expect(error.message).to.match(/within 0\.2 s/)
  })

  it('reports a connection cut mid-answer as a network failure, not as a bad answer', async () => {
    const error = await failureOf('/cut')
    expect(error).to.be.instanceOf(NetworkError)
    expect(error.message).to.contain(`Could not reach ${url}`)
  })

  it('does not follow a redirect with the signed request', async () => {
    const error = await failureOf('/moved')
    expect(error).to.be.instanceOf(DuoApiError)
    expect(error.status).to.equal(302)
    expect(error.message).to.contain('HTTP 302 with a non-JSON body')
    expect(error.hint).to.contain('check the API host')
  })
})
