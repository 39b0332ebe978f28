// Simulated trouble, so clients can be tested against what Duo (and networks) do: rate limiting,
// server errors, dropped connections. Latency is applied by the server.
import {ApiFailure} from './envelope.js'

/** A fixed-window counter: past `requests` within one `windowMs` window, requests are refused. */
export class FixedWindow {
  private windowStart = Number.NEGATIVE_INFINITY
  private count = 0

  constructor(private readonly limit: {requests: number; windowMs: number}) {}

  /** Counts one request; true when it is over the limit. */
  exceeded(nowMs: number): boolean {
    if (nowMs - this.windowStart >= this.limit.windowMs) {
      this.windowStart = nowMs
      this.count = 0
    }

    this.count++
    return this.count > this.limit.requests
  }
}

/** Duo's 429 carries no Retry-After header (Duo Admin API docs, "Rate Limits"; the official clients read none). */
export const tooManyRequests = () => new ApiFailure(429, 42_901, 'Too Many Requests')
/** 50000 is a guess: Duo's 5xx codes are unconfirmed (Duo Admin API docs, "Response Format"). */
export const serverError = (detail?: string) => new ApiFailure(500, 50_000, 'Internal server error', detail)

/** True with probability `rate`; never consumes a random number when the rate is 0. */
export function happens(rate: number | undefined, random: () => number): boolean {
  return rate !== undefined && rate > 0 && random() < rate
}
