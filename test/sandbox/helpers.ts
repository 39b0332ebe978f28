// Shared by the sandbox tests: a DuoClient for a sandbox, and raw HTTP for requests the client would
// never send (tampered, unsigned, odd headers).
import {expect} from 'chai'
import {request} from 'node:http'

import type {Credentials} from '../../src/core/calls.js'
import {type ClientOptions, DuoClient} from '../../src/transport/client.js'
import {DuoApiError} from '../../src/core/errors.js'
import type {RunningSandbox} from '../../src/sandbox/server.js'

/** No retries and no sleeping: each test sees exactly what the sandbox answered. */
export function clientFor(sandbox: RunningSandbox, credentials: Partial<Credentials> = {}, options: Partial<ClientOptions> = {}): DuoClient {
  return new DuoClient({
    credentials: {host: sandbox.url, ikey: sandbox.ikey, skey: sandbox.skey, ...credentials},
    maxAttempts: 1,
    sleep: async () => {},
    ...options,
  })
}

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Duo's JSON, read field by field in assertions
  body: any
}

export interface RawRequest {
  method: string
  /** Path and query, exactly as sent. */
  target: string
  headers?: Record<string, string>
  body?: string
}

/** One request over node:http with exactly these headers (Host included when given). */
export function rawRequest(sandbox: RunningSandbox, spec: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {agent: false, headers: spec.headers, host: '127.0.0.1', method: spec.method, path: spec.target, port: sandbox.port},
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({body: text ? JSON.parse(text) : undefined, headers: res.headers, status: res.statusCode ?? 0})
        })
      },
    )
    req.on('error', reject)
    req.end(spec.body)
  })
}

/** Awaits a call that must fail with this Duo status and code. */
export async function expectDuoError(call: Promise<unknown>, status: number, code: number): Promise<DuoApiError> {
  try {
    await call
  } catch (error) {
    expect(error).to.be.instanceOf(DuoApiError)
    const duo = error as DuoApiError
    expect({code: duo.code, status: duo.status}, duo.message).to.deep.equal({code, status})
    return duo
  }

  expect.fail(`expected HTTP ${status} / ${code}, but the call succeeded`)
}
