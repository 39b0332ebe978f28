// Class 8 of issue 13 (client side): every backoff is one stderr line; --verbose and DUO_VERBOSE
// log each request (method, path, status, time, never a secret); maxRetryMs caps the waits.
import {expect} from 'chai'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'

import {DuoApiError} from '../../src/core/errors.js'
import {DuoClient, type ExchangeEvent, type RetryEvent} from '../../src/transport/client.js'
import {runCli} from '../helpers/cli.js'
import {type Recorder, startRecorder} from './recorder.js'

describe('hardening: waits and retries are visible (issue 13, class 8)', () => {
  describe('the client', () => {
    let url: string
    let hits = 0
    const server = createServer((_req, res) => {
      hits++
      res.writeHead(429, {'Content-Type': 'application/json'})
      res.end(JSON.stringify({code: 42_901, message: 'Too Many Requests', stat: 'FAIL'}))
    })
    before(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    after(() => server.close())
    beforeEach(() => {
      hits = 0
    })

    function client(extra: {maxRetryMs?: number}, retries: RetryEvent[], exchanges: ExchangeEvent[], slept: number[]): DuoClient {
      return new DuoClient({
        credentials: {host: url, ikey: 'DIABCDEFGHIJKLMNOPQR', skey: 's'.repeat(40)},
        onExchange: (e) => exchanges.push(e),
        onRetry: (e) => retries.push(e),
        random: () => 0,
        sleep: async (ms) => void slept.push(ms),
        ...extra,
      })
    }

    it('maxRetryMs: a wait that would pass the budget is not made; the 429 is the outcome', async () => {
      const retries: RetryEvent[] = []
      const exchanges: ExchangeEvent[] = []
      const slept: number[] = []
      const duo = client({maxRetryMs: 3500}, retries, exchanges, slept)
      const failure = await duo.request('GET', '/admin/v1/users').catch((error: unknown) => error)
      duo.close()
      expect(failure).to.be.instanceOf(DuoApiError)
      expect((failure as DuoApiError).status).to.equal(429)
      // 1 s + 2 s fit in 3.5 s; the next 4 s would not.
      expect(slept).to.deep.equal([1000, 2000])
      expect(hits).to.equal(3)
      expect(retries.map((r) => [r.attempt, r.maxAttempts, r.method, r.path])).to.deep.equal([[1, 7, 'GET', '/admin/v1/users'], [2, 7, 'GET', '/admin/v1/users']])
      expect(exchanges.map((e) => e.status)).to.deep.equal([429, 429, 429])
    })

    it('without a budget, 429 is tried 7 times (the official clients\' schedule)', async () => {
      const slept: number[] = []
      const duo = client({}, [], [], slept)
      await duo.request('GET', '/admin/v1/users').catch(() => {})
      duo.close()
      expect(slept).to.deep.equal([1000, 2000, 4000, 8000, 16_000, 32_000])
      expect(hits).to.equal(7)
    })

    it('maxRetryMs 0: one attempt, no wait', async () => {
      const slept: number[] = []
      const duo = client({maxRetryMs: 0}, [], [], slept)
      await duo.request('GET', '/admin/v1/users').catch(() => {})
      duo.close()
      expect([slept, hits]).to.deep.equal([[], 1])
    })
  })

  describe('the CLI', () => {
    let limited: Recorder
    let failing: Recorder
    before(async () => {
      limited = await startRecorder({rateLimit: {requests: 1, windowMs: 1500}})
      failing = await startRecorder({failRate: 1})
    })
    after(async () => {
      await limited.close()
      await failing.close()
    })

    it('each 429 backoff is one stderr line; --verbose logs each request, never the secret or signature', async () => {
      // Uses up the window, so the command's first attempt is refused.
      await runCli(['api', 'GET', '/admin/v1/info/summary'], {env: limited.env})
      const result = await runCli(['api', 'GET', '/admin/v1/users', '--verbose'], {env: limited.env})
      expect(result.code, result.stderr).to.equal(0)
      const lines = result.stderr.trim().split('\n')
      expect(lines.some((l) => /^Duo is rate limiting \(HTTP 429\) on GET \/admin\/v1\/users: next attempt in [12] s \(attempt 2 of 7\)$/.test(l)), result.stderr).to.equal(true)
      expect(lines.some((l) => /^duo: GET \/admin\/v1\/users 429 \d+ ms$/.test(l)), result.stderr).to.equal(true)
      expect(lines.some((l) => /^duo: GET \/admin\/v1\/users 200 \d+ ms \(attempt \d\)$/.test(l)), result.stderr).to.equal(true)
      expect(result.stderr).to.not.contain(limited.skey)
      expect(result.stderr).to.not.match(/Authorization|Basic |signature/i)
    })

    it('DUO_VERBOSE=1 logs requests without the flag', async () => {
      const result = await runCli(['users', 'list', '--json'], {env: {...limited.env, DUO_VERBOSE: '1'}})
      expect(result.stderr).to.match(/^duo: GET \/admin\/v1\/users (200|429) \d+ ms/m)
    })

    it('retries of a 5xx GET are said too (attempt k of 3), then the failure', async () => {
      const result = await runCli(['users', 'list'], {env: failing.env})
      expect(result.code).to.equal(1)
      const said = result.stderr.split('\n').filter((l) => l.startsWith('Duo answered HTTP 500'))
      expect(said).to.have.length(2)
      expect(said[0]).to.match(/^Duo answered HTTP 500 on GET \/admin\/v1\/users: next attempt in [12] s \(attempt 2 of 3\)$/)
      expect(said[1]).to.match(/^Duo answered HTTP 500 on GET \/admin\/v1\/users: next attempt in [23] s \(attempt 3 of 3\)$/)
      expect(failing.seen.filter((s) => s.startsWith('GET /admin/v1/users'))).to.have.length(3)
    })

    it('without --verbose, a call that needs no retry prints nothing on stderr', async () => {
      const quiet = await startRecorder()
      try {
        const result = await runCli(['users', 'list', '--json'], {env: quiet.env})
        expect([result.code, result.stderr]).to.deep.equal([0, ''])
      } finally {
        await quiet.close()
      }
    })
  })
})
