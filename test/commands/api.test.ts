import {expect} from 'chai'
import nock from 'nock'

import {runInProcess} from '../helpers/cli.js'

// In-process (so the backoff clock can be swapped and nock sees the requests) with the keys in
// the environment, as CI would set them. oclif runs the built commands, so the clock to swap is
// the one in dist/ (the build runs before the tests).
const {backoffClock} = await import('../../dist/transport/client.js' as string)
const host = 'api-test.duosecurity.com'
const env = {DUO_HOST: host, DUO_IKEY: 'DIABCDEFGHIJKLMNOPQR', DUO_SKEY: 'SECRETsecretSECRETsecretSECRETsecret1234'}
const tooMany = {code: 42_901, message: 'Too Many Requests', stat: 'FAIL'}

describe('duo api (in-process, nock)', () => {
  const realSleep = backoffClock.sleep
  const waits: number[] = []
  beforeEach(() => {
    Object.assign(process.env, env)
    waits.length = 0
    backoffClock.sleep = async (ms: number) => void waits.push(ms)
  })
  afterEach(() => {
    for (const key of Object.keys(env)) delete process.env[key]
    backoffClock.sleep = realSleep
  })

  it('retries a 429 and prints Duo\'s body once it succeeds', async () => {
    nock(`https://${host}`).get('/admin/v1/users').query({username: 'alice'}).reply(429, tooMany)
      .get('/admin/v1/users').query({username: 'alice'}).reply(200, {response: [{username: 'alice'}], stat: 'OK'})
    const {exitCode, stdout} = await runInProcess(['api', 'GET', '/admin/v1/users', '-p', 'username=alice'])
    expect(exitCode).to.equal(0)
    expect(JSON.parse(stdout)).to.deep.equal({response: [{username: 'alice'}], stat: 'OK'})
    expect(waits).to.have.length(1)
  })

  it('fails with exit 1 and Duo\'s message after 7 answers of 429', async () => {
    nock(`https://${host}`).get('/admin/v1/users').times(7).reply(429, tooMany)
    const {exitCode, stderr} = await runInProcess(['api', 'GET', '/admin/v1/users'])
    expect(exitCode).to.equal(1)
    expect(stderr).to.contain('Error: Too Many Requests (42901)')
    expect(stderr).to.contain('after 7 attempts')
    expect(waits).to.have.length(6)
    expect(nock.isDone()).to.equal(true)
  })

  it('sends -F values as real JSON and -p repeated keys as repeated parameters', async () => {
    let body: unknown
    nock(`https://${host}`).post('/admin/v1/bulk', (b) => ((body = b), true)).reply(200, {response: [], stat: 'OK'})
    nock(`https://${host}`).get('/admin/v1/users').query({username_list: ['a', 'b']}).reply(200, {response: [], stat: 'OK'})
    const ops = '[{"method":"POST","path":"/admin/v1/users","body":{"username":"erin"}}]'
    expect((await runInProcess(['api', 'POST', '/admin/v1/bulk', '-F', `operations=${ops}`])).exitCode).to.equal(0)
    expect(body).to.deep.equal({operations: JSON.parse(ops)})
    expect((await runInProcess(['api', 'GET', '/admin/v1/users', '-p', 'username_list=a', '-p', 'username_list=b'])).exitCode).to.equal(0)
  })

  it('names the missing permission on a 403 for a path the catalog knows', async () => {
    nock(`https://${host}`).post('/admin/v1/users').reply(403, {code: 40_301, message: 'Access forbidden', stat: 'FAIL'})
    const {exitCode, stderr} = await runInProcess(['api', 'POST', '/admin/v1/users', '-p', 'username=x'])
    expect(exitCode).to.equal(3)
    expect(stderr).to.contain('Error: Access forbidden (40301)')
    expect(stderr).to.contain('"Grant resource - Write"')
  })

  it('streams every page as one JSON array with --all', async () => {
    nock(`https://${host}`)
      .get('/admin/v1/users').query({offset: '0'}).reply(200, {metadata: {next_offset: 1}, response: [{n: 1}], stat: 'OK'})
      .get('/admin/v1/users').query({offset: '1'}).reply(200, {metadata: {}, response: [{n: 2}], stat: 'OK'})
    const {stdout} = await runInProcess(['api', 'GET', '/admin/v1/users', '--all'])
    expect(JSON.parse(stdout)).to.deep.equal([{n: 1}, {n: 2}])
  })
})
