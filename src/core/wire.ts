// Duo's wire format as both of our servers speak it (the sandbox, and `duo serve rest` when it
// refuses a request itself): the FAIL envelope and its codes, and form/query decoding. Codes follow
// Duo's convention: the first three digits are the HTTP status, the last two refine it.

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly detail?: string,
  ) {
    super(message)
  }
}

export const notFound = (detail?: string) => new ApiFailure(404, 40_401, 'Resource not found', detail)
export const invalidParams = (detail: string) => new ApiFailure(400, 40_002, 'Invalid request parameters', detail)
// 40001 for a missing required parameter is unconfirmed (only a third-party mock shows it).
export const missingParams = (detail: string) => new ApiFailure(400, 40_001, 'Missing required request parameters', detail)

export function failBody(failure: ApiFailure): Record<string, unknown> {
  return {
    code: failure.code,
    message: failure.message,
    ...(failure.detail === undefined ? {} : {message_detail: failure.detail}),
    stat: 'FAIL',
  }
}

export type DecodedParams = Record<string, string | string[]>

/** application/x-www-form-urlencoded decoding ('+' is a space); a repeated key gives an array. */
export function decodeForm(text: string): DecodedParams {
  const out: DecodedParams = {}
  for (const [key, value] of new URLSearchParams(text)) add(out, key, value)
  return out
}

/** Query plus form parameters: what signature v2 signs, and (with a JSON body's) the call's input. */
export function mergeParams(a: DecodedParams, b: DecodedParams = {}): DecodedParams {
  const out: DecodedParams = {...a}
  for (const [key, value] of Object.entries(b)) add(out, key, value)
  return out
}

function add(params: DecodedParams, key: string, value: string | string[]): void {
  const seen = params[key]
  params[key] = seen === undefined ? value : [...[seen].flat(), ...[value].flat()]
}
