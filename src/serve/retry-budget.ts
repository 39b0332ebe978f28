// A serving process waits for Duo on behalf of a caller that has its own timeout (MCP clients and
// HTTP libraries commonly give up at 30 s). Every call a server makes goes through this wrapper, which
// caps the time the client spends backing off for that one call; past the cap the server answers at
// once that Duo is rate limiting (REST: 429 with Retry-After; MCP: an isError result saying when to retry).
import type {DuoCaller, RequestOptions} from '../core/calls.js'

/** Default cap: well under the common 30 s client timeouts, with room for the calls themselves. */
export const DEFAULT_RETRY_BUDGET_MS = 10_000

export function withRetryBudget(client: DuoCaller, budgetMs: number): DuoCaller {
  const capped = (options: RequestOptions = {}): RequestOptions => ({...options, retryBudgetMs: Math.min(options.retryBudgetMs ?? budgetMs, budgetMs)})
  return {
    pages: (path, params, options) => client.pages(path, params, capped(options)),
    request: (method, path, params, options) => client.request(method, path, params, capped(options)),
    requestText: (method, path, params, options) => client.requestText(method, path, params, capped(options)),
  }
}

/** Whole seconds for Retry-After and messages, never 0 (at least one second). */
export function retryAfterSeconds(retryAfterMs: number | undefined): number {
  return Math.max(1, Math.ceil((retryAfterMs ?? 1000) / 1000))
}
