// What `duo serve rest` costs: requests per second and p99 latency of GET /admin/v1/users?limit=10
// through the adapter, against the same request signed by the caller and sent straight to the
// sandbox, with the same load (autocannon, 10 connections, 5 s a side) in one run.
//
// Both sides sign every request afresh, as real clients must: the direct side in autocannon's
// per-request setupRequest hook (a new Date and HMAC-SHA512 each time), the adapter inside
// DuoClient. The sandbox and the adapter are the built CLI (`duo sandbox start`, `duo serve rest`),
// each its own process as in real use; on this 2-core machine they still share the cores with
// autocannon, and in real use Duo is another machine, so this is a pessimistic measure.
//
// The 5 s a side run as interleaved 1 s slices (direct, adapter, direct …), so a change in the
// machine's load during the run weighs on both sides alike. p99 comes from every response time
// autocannon reports (fractional ms), not from its histogram, which rounds to whole milliseconds:
// too coarse for a 2 ms budget.
//
// Run: npm run build && node bench/rest.js [--connections N] [--duration S]
import autocannon from 'autocannon'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {formatDuoDate, signRequest} from '../dist/lib/signing.js'
import {startService} from './lib.js'

const PATH = '/admin/v1/users'
const QUERY = {limit: '10'}
const SLICE_SECONDS = 1

/** One autocannon slice: every response time, and how many requests completed in how long. */
async function slice(target, connections, seconds) {
  const times = []
  const instance = autocannon({...target, connections, duration: seconds, method: 'GET'})
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime))
  const result = await instance
  const failed = result.errors + result.timeouts + result.non2xx
  if (failed > 0) throw new Error(`${target.url}: ${failed} of ${result.requests.total} requests failed (errors, timeouts or non-2xx)`)
  return {requests: result.requests.total, seconds: result.duration, times}
}

/** `seconds` of load on each target, in interleaved slices; {rps, p99} per target. */
async function compare(targets, connections, seconds) {
  const totals = targets.map(() => ({requests: 0, seconds: 0, times: []}))
  for (let done = 0; done < seconds; done += SLICE_SECONDS) {
    for (const [i, target] of targets.entries()) {
      const part = await slice(target, connections, Math.min(SLICE_SECONDS, seconds - done))
      totals[i].requests += part.requests
      totals[i].seconds += part.seconds
      totals[i].times.push(...part.times)
    }
  }

  return totals.map(({requests, seconds, times}) => {
    times.sort((a, b) => a - b)
    return {p99: round(times[Math.ceil(times.length * 0.99) - 1]), requests, rps: round(requests / seconds)}
  })
}

function round(value) {
  return Math.round(value * 100) / 100
}

/**
 * Starts a sandbox (1,000 generated users) and the adapter in front of it, warms both up, measures
 * both flat out with `connections`, then both over a single connection (nothing queues there, so
 * the p99 difference is what the adapter adds to one request). Returns
 * {direct, adapter, ratio, addedP99Ms, met, oneConnection}.
 */
export async function runRestBench({connections = 10, duration = 5} = {}) {
  const {info: sandbox, stop: stopSandbox} = await startService(['sandbox', 'start', '--port', '0', '--users', '1000'])
  const {info: server, stop: stopServer} = await startService(['serve', 'rest', '--port', '0'], {
    DUO_HOST: sandbox.host,
    DUO_IKEY: sandbox.ikey,
    DUO_SKEY: sandbox.skey,
  })
  const keys = {digest: 'sha512', ikey: sandbox.ikey, skey: sandbox.skey, version: 5}
  const direct = {
    requests: [
      {
        method: 'GET',
        path: `${PATH}?limit=10`,
        setupRequest(request) {
          const date = formatDuoDate(new Date())
          const authorization = signRequest(keys, {body: '', date, host: '127.0.0.1', method: 'GET', params: QUERY, path: PATH})
          return {...request, headers: {Authorization: authorization, Date: date}}
        },
      },
    ],
    url: sandbox.url,
  }
  const adapter = {headers: {Authorization: `Bearer ${server.token}`}, url: `${server.url}${PATH}?limit=10`}
  try {
    await compare([direct, adapter], connections, 1)
    const [directResult, adapterResult] = await compare([direct, adapter], connections, duration)
    const [directSingle, adapterSingle] = await compare([direct, adapter], 1, duration)
    const ratio = round(adapterResult.rps / directResult.rps)
    const addedP99Ms = round(adapterResult.p99 - directResult.p99)
    return {
      adapter: adapterResult,
      addedP99Ms,
      connections,
      direct: directResult,
      durationSeconds: duration,
      met: {addedP99Under2Ms: addedP99Ms < 2, halfThroughput: ratio >= 0.5},
      oneConnection: {adapterP99: adapterSingle.p99, addedP99Ms: round(adapterSingle.p99 - directSingle.p99), directP99: directSingle.p99},
      ratio,
    }
  } finally {
    await stopServer()
    await stopSandbox()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const {values} = parseArgs({options: {connections: {default: '10', type: 'string'}, duration: {default: '5', type: 'string'}}})
  const result = await runRestBench({connections: Number(values.connections), duration: Number(values.duration)})
  console.log(JSON.stringify(result))
}
