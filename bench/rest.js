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
// A third target, bench/rest-floor-proxy.js (the least a signing proxy can do, in its own process),
// shows what any extra local hop costs on this machine, so the adapter's own share can be told
// apart from the hop's.
//
// Run: npm run build && node bench/rest.js [--connections N] [--duration S]
import autocannon from 'autocannon'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {formatDuoDate, signRequest} from '../dist/core/signing.js'
import {startNodeProcess, startService} from './lib.js'

const FLOOR_PROXY = fileURLToPath(new URL('rest-floor-proxy.js', import.meta.url))
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

/** `seconds` of load on each target, in interleaved slices; {rps, p50, p99} per target. */
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
    const quantile = (q) => round(times[Math.ceil(times.length * q) - 1])
    return {p50: quantile(0.5), p99: quantile(0.99), requests, rps: round(requests / seconds)}
  })
}

function round(value) {
  return Math.round(value * 100) / 100
}

/**
 * Starts a sandbox (1,000 generated users), the adapter and the floor proxy in front of it, warms
 * them up, measures all flat out with `connections`, then over a single connection (nothing queues
 * there, so the p99 difference is what the adapter adds to one request). Returns
 * {direct, adapter, floor, ratio, addedP99Ms, met, oneConnection}.
 */
export async function runRestBench({connections = 10, duration = 5} = {}) {
  const {info: sandbox, stop: stopSandbox} = await startService(['sandbox', 'start', '--port', '0', '--users', '1000'])
  const {info: server, stop: stopServer} = await startService(['serve', 'rest', '--port', '0'], {
    DUO_HOST: sandbox.host,
    DUO_IKEY: sandbox.ikey,
    DUO_SKEY: sandbox.skey,
  })
  const {info: floorProxy, stop: stopFloor} = await startNodeProcess([FLOOR_PROXY], {DUO_HOST: sandbox.host, DUO_IKEY: sandbox.ikey, DUO_SKEY: sandbox.skey})
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
  const floor = {url: `${floorProxy.url}${PATH}?limit=10`}
  const targets = [direct, adapter, floor]
  try {
    await compare(targets, connections, 1)
    const [directResult, adapterResult, floorResult] = await compare(targets, connections, duration)
    const [directSingle, adapterSingle, floorSingle] = await compare(targets, 1, duration)
    const ratio = round(adapterResult.rps / directResult.rps)
    const addedP99Ms = round(adapterResult.p99 - directResult.p99)
    const oneConnectionAddedP99Ms = round(adapterSingle.p99 - directSingle.p99)
    return {
      adapter: adapterResult,
      addedP99Ms,
      connections,
      direct: directResult,
      durationSeconds: duration,
      floor: {...floorResult, addedP99Ms: round(floorResult.p99 - directResult.p99), ratio: round(floorResult.rps / directResult.rps)},
      met: {addedP99Under2Ms: oneConnectionAddedP99Ms < 2, halfThroughput: ratio >= 0.5},
      oneConnection: {
        adapter: adapterSingle,
        addedP99Ms: oneConnectionAddedP99Ms,
        direct: directSingle,
        floor: {...floorSingle, addedP99Ms: round(floorSingle.p99 - directSingle.p99)},
      },
      ratio,
    }
  } finally {
    await stopFloor()
    await stopServer()
    await stopSandbox()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const {values} = parseArgs({options: {connections: {default: '10', type: 'string'}, duration: {default: '5', type: 'string'}}})
  const result = await runRestBench({connections: Number(values.connections), duration: Number(values.duration)})
  console.log(JSON.stringify(result))
}
