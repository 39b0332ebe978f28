// The knobs that make the sandbox misbehave like Duo or a network can.
import {expect} from 'chai'

import {NetworkError} from '../../src/core/errors.js'
import {type SandboxOptions, startSandbox} from '../../src/sandbox/server.js'
import {clientFor, expectDuoError} from './helpers.js'

/** Runs `body` against a fresh sandbox with `options`, then closes both. */
async function withSandbox(options: SandboxOptions, body: (client: ReturnType<typeof clientFor>) => Promise<void>): Promise<void> {
  const sandbox = await startSandbox(options)
  const client = clientFor(sandbox)
  try {
    await body(client)
  } finally {
    client.close()
    await sandbox.close()
  }
}

const listUsers = (client: ReturnType<typeof clientFor>) => client.request('GET', '/admin/v1/users')

describe('sandbox: faults and settings', () => {
  it('rateLimit: 429 42901 past N requests in the window, then OK once the window has passed', async () => {
    await withSandbox({rateLimit: {requests: 3, windowMs: 300}}, async (client) => {
      for (let i = 0; i < 3; i++) await listUsers(client)
      const error = await expectDuoError(listUsers(client), 429, 42_901)
      expect(error.duoMessage).to.equal('Too Many Requests')
      await new Promise((resolve) => setTimeout(resolve, 350))
      expect((await listUsers(client)).stat).to.equal('OK')
    })
  })

  it('failRate 1: every request is 500 50000', async () => {
    await withSandbox({failRate: 1}, async (client) => {
      await expectDuoError(listUsers(client), 500, 50_000)
    })
  })

  it('failRate and dropRate draw from the injected random source', async () => {
    const draws = [0.9, 0.2, 0.1]
    await withSandbox({dropRate: 0.05, failRate: 0.5, random: () => draws.shift() ?? 0.99}, async (client) => {
      // Request 1: drop? 0.9 no; fail? 0.2 yes. Request 2: drop? 0.1 no; fail? 0.99 no.
      await expectDuoError(listUsers(client), 500, 50_000)
      expect((await listUsers(client)).stat).to.equal('OK')
    })
  })

  it('dropRate 1: the connection closes with no answer; requestCount still counts it', async () => {
    const sandbox = await startSandbox({dropRate: 1})
    const client = clientFor(sandbox)
    try {
      let failure: unknown
      await listUsers(client).catch((error: unknown) => {
        failure = error
      })
      expect(failure).to.be.instanceOf(NetworkError)
      expect(sandbox.requestCount()).to.equal(1)
    } finally {
      client.close()
      await sandbox.close()
    }
  })

  it('latencyMs delays every answer', async () => {
    await withSandbox({latencyMs: 120}, async (client) => {
      const started = Date.now()
      await listUsers(client)
      expect(Date.now() - started).to.be.at.least(115)
    })
  })

  it('clockOffsetMs: a correctly signed current request is out of the window; the Date header shows the sandbox clock', async () => {
    const offset = 10 * 60_000
    await withSandbox({clockOffsetMs: offset}, async (client) => {
      await expectDuoError(listUsers(client), 401, 40_104)
      // The client noted the sandbox's Date header: Duo's clock minus ours.
      expect(client.clockOffsetMs).to.be.closeTo(offset, 3000)
    })
    const sandbox = await startSandbox({clockOffsetMs: offset})
    const skewed = clientFor(sandbox, {}, {now: () => new Date(Date.now() + offset)})
    try {
      expect((await listUsers(skewed)).stat).to.equal('OK')
    } finally {
      skewed.close()
      await sandbox.close()
    }
  })

  it('permissions {write: false}: createuser is 403 40301 while listusers works', async () => {
    await withSandbox({permissions: {read: true, write: false}}, async (client) => {
      const error = await expectDuoError(client.request('POST', '/admin/v1/users', {username: 'x'}), 403, 40_301)
      expect(error.duoMessage).to.equal('Access forbidden')
      expect((await listUsers(client)).stat).to.equal('OK')
    })
  })

  it('permissions {read: false}: listusers is 403 40301 while createuser works', async () => {
    await withSandbox({permissions: {read: false, write: true}}, async (client) => {
      await expectDuoError(listUsers(client), 403, 40_301)
      expect((await client.request('POST', '/admin/v1/users', {username: 'writer'})).stat).to.equal('OK')
    })
  })

  it('refuses to listen on a non-loopback address', async () => {
    let failure: unknown
    await startSandbox({host: '0.0.0.0'}).catch((error: unknown) => {
      failure = error
    })
    expect(String(failure)).to.match(/loopback/)
  })

  it('requestCount counts every request received', async () => {
    const sandbox = await startSandbox()
    const client = clientFor(sandbox)
    try {
      await listUsers(client)
      await expectDuoError(client.request('GET', '/admin/v1/nothing'), 404, 40_401)
      expect(sandbox.requestCount()).to.equal(2)
    } finally {
      client.close()
      await sandbox.close()
    }
  })
})
