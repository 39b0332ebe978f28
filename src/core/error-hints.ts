// What to do about the Duo errors people meet most (Duo Admin API docs, "Response Format", and the official clients' issue trackers).
import {PERMISSIONS} from './catalog/types.js'

export interface ApiErrorContext {
  status: number
  code: number | undefined
  attempts: number
  clockOffsetMs?: number
  permission?: string
}

/** Duo's tolerance is about five minutes; warn well before that. */
const SKEW_WORTH_MENTIONING_MS = 60_000

export function hintForApiError(ctx: ApiErrorContext): string | undefined {
  const skew = describeSkew(ctx.clockOffsetMs)
  switch (ctx.code) {
    case 40_101:
    case 40_102: {
      return 'Check the integration key of this profile (`duo profiles show`).'
    }

    case 40_103: {
      return skew ? skewHint(skew) : 'Check the secret key (re-enter it with `duo profiles add`) and that this computer\'s clock is right.'
    }

    // The timestamp codes are the sandbox's guesses (Duo Admin API docs, "Response Format"); the text is right for either.
    case 40_104:
    case 40_105: {
      return skew ? skewHint(skew) : 'Duo refused the request\'s timestamp: check that this computer\'s clock and time zone are right (NTP).'
    }

    case 40_301: {
      if (ctx.permission === PERMISSIONS.accounts) {
        return 'Child accounts are reached with the parent account\'s Accounts API application: protect "Accounts API" in the parent\'s Admin Panel (Applications → Protect an Application) and use its keys.'
      }

      return ctx.permission
        ? `The Admin API application lacks the "${ctx.permission}" permission. Grant it in the Duo Admin Panel: Applications → your Admin API application → Permissions.`
        : 'The Admin API application lacks a permission this call needs (Admin Panel: Applications → your Admin API application → Permissions), or an IP restriction applies.'
    }

    case 42_901: {
      return `Still rate limited after ${ctx.attempts} attempts with backoff. Wait a minute, then retry with fewer calls at once.`
    }

    default: {
      if (ctx.status === 401 && skew) return skewHint(skew)
      return undefined
    }
  }
}

/** For an error answer without Duo's JSON envelope: something between us and Duo answered. */
export function hintForNonJsonAnswer(status: number): string | undefined {
  if (status === 407) return 'The proxy wants credentials: give them in its URL, e.g. HTTPS_PROXY=http://user:password@proxy:3128 (or the profile\'s proxy).'
  if (status >= 400) return 'This answer did not come from Duo\'s API: a proxy or firewall between you and Duo may have refused the request.'
  // A signature names one host and path, so a redirect is never followed.
  if (status >= 300) return 'Duo\'s API does not redirect: check the API host (`duo profiles show`), which looks like api-XXXXXXXX.duosecurity.com.'
  return undefined
}

function skewHint(skew: string): string {
  return `This computer's clock is ${skew}; Duo refuses requests whose time is more than about 5 minutes off. Fix the clock (turn on NTP time sync), then retry.`
}

/** "10 minutes behind Duo's", or undefined when the clocks agree within a minute. */
export function describeSkew(offsetMs: number | undefined): string | undefined {
  if (offsetMs === undefined || Math.abs(offsetMs) < SKEW_WORTH_MENTIONING_MS) return undefined
  const seconds = Math.round(Math.abs(offsetMs) / 1000)
  const amount = seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} seconds`
  // offset = Duo's clock minus ours: positive means we are behind.
  return `${amount} ${offsetMs > 0 ? 'behind' : 'ahead of'} Duo's`
}
