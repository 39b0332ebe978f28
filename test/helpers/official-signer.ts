// Requests signed by Duo's official Node signer (duo_api_nodejs's lib/duo_sig.js, the npm package
// @duosecurity/duo_api) and sent over plain node:http: the client itself only speaks https to Duo's
// pinned CA, so its signing module is used over our own transport. A sandbox that accepts these
// accepts what Duo's own client sends.
import {createRequire} from 'node:module'

import type {RunningSandbox} from '../../src/sandbox/server.js'
import {type RawResponse, rawRequest} from '../sandbox/helpers.js'

const require = createRequire(import.meta.url)
const duoSig = require('@duosecurity/duo_api/lib/duo_sig.js') as {
  sign(ikey: string, skey: string, method: string, host: string, path: string, params: Record<string, string | string[]>, date: string): string
}

/**
 * One signed call, as duo_api_nodejs's jsonApiCall makes it (signature v2 with HMAC-SHA512):
 * GET and DELETE carry the parameters in the query, POST in a form body.
 */
export function officialCall(
  sandbox: RunningSandbox,
  method: 'DELETE' | 'GET' | 'POST',
  path: string,
  params: Record<string, string | string[]> = {},
): Promise<RawResponse> {
  const date = new Date().toUTCString()
  const host = `127.0.0.1:${sandbox.port}`
  const authorization = duoSig.sign(sandbox.ikey, sandbox.skey, method, host.split(':')[0], path, params, date)
  const encoded = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => [v].flat().map((one): [string, string] => [k, one]))).toString()
  const headers: Record<string, string> = {Authorization: authorization, Date: date, Host: host}
  if (method === 'POST') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
    return rawRequest(sandbox, {body: encoded, headers, method, target: path})
  }

  return rawRequest(sandbox, {headers, method, target: encoded ? `${path}?${encoded}` : path})
}
