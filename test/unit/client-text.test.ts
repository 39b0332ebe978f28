import {expect} from 'chai'
import {type Server, createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

import {DuoClient} from '../../src/transport/client.js'
import {DuoApiError} from '../../src/core/errors.js'

// requestText is what `duo serve rest` passes on: Duo's JSON exactly as sent, never a proxy's page.
describe('client: requestText', () => {
  let server: Server
  let client: DuoClient
  // Odd spacing and key order on purpose: a parse and re-serialization would change both.
  const duoBody = '{"stat": "OK",   "response": {"z": 1, "a": [1,2]}}'
  const failBody = '{"code": 40401, "message": "Resource not found", "stat": "FAIL"}'
  before(async () => {
    server = createServer((req, res) => {
      if (req.url!.startsWith('/ok')) res.writeHead(200, {'Content-Type': 'application/json; charset=utf-8'}).end(duoBody)
      else if (req.url!.startsWith('/missing')) res.writeHead(404, {'Content-Type': 'application/json'}).end(failBody)
      else res.writeHead(502, {'Content-Type': 'text/html'}).end('<html>Bad gateway</html>')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    client = new DuoClient({credentials: {host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, ikey: 'DIABCDEFGHIJKLMNOPQR', skey: 'x'}, maxAttempts: 1})
  })
  after(() => {
    client.close()
    server.close()
  })

  it('hands over Duo\'s JSON byte for byte, with its status, OK or FAIL', async () => {
    expect(await client.requestText('GET', '/ok')).to.deep.equal({status: 200, text: duoBody})
    expect(await client.requestText('GET', '/missing')).to.deep.equal({status: 404, text: failBody})
  })

  it('refuses an answer that is not JSON, as request() does', async () => {
    const error = await client.requestText('GET', '/proxy-page').catch((error_) => error_)
    expect(error).to.be.instanceOf(DuoApiError)
    expect(error.status).to.equal(502)
    expect(error.message).to.contain('HTTP 502 with a non-JSON body')
  })
})
