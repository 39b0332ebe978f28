import {expect} from 'chai'
import {type Server, createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

import {DuoClient} from '../../src/lib/client.js'
import {NetworkError} from '../../src/lib/errors.js'

describe('client: request timeout', () => {
  let server: Server
  let url: string
  before(async () => {
    // Accepts the request and never answers.
    server = createServer(() => {})
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => {
    server.closeAllConnections()
    server.close()
  })

  it('gives up on a silent server after timeoutMs, as a NetworkError naming the wait', async () => {
    const client = new DuoClient({credentials: {host: url, ikey: 'DIABCDEFGHIJKLMNOPQR', skey: 'x'}, timeoutMs: 200})
    const error = await client.request('POST', '/admin/v1/users', {username: 'x'}).catch((error_) => error_)
    client.close()
    expect(error).to.be.instanceOf(NetworkError)
    expect(error.message).to.match(/within 0\.2 s/)
  })
})
