// Every failure duo reports, with the exit code a script can rely on (documented in the README).

export const ExitCode = {
  ok: 0,
  error: 1,
  usage: 2,
  config: 3,
  notFound: 4,
  interrupted: 130,
} as const

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

/**
 * Base for errors duo explains itself: a one-line message, an exit code, an optional hint. Each
 * class names itself (`--json` prints the name) rather than relying on its constructor's name,
 * which the bundle's minifier shortens.
 */
export class DuoError extends Error {
  override name = 'DuoError'

  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    readonly hint?: string,
  ) {
    super(message)
  }
}

/** Bad input from the user: wrong or missing values, refused confirmation without a terminal. */
export class UsageError extends DuoError {
  override name = 'UsageError'

  constructor(message: string, hint?: string) {
    super(message, ExitCode.usage, hint)
  }
}

/** No usable credentials, or credentials/host that cannot work. */
export class ConfigError extends DuoError {
  override name = 'ConfigError'

  constructor(message: string, hint?: string) {
    super(message, ExitCode.config, hint)
  }
}

/** The network failed before Duo answered (DNS, refused, reset, timeout). */
export class NetworkError extends DuoError {
  override name = 'NetworkError'

  constructor(message: string, hint?: string) {
    super(message, ExitCode.error, hint)
  }
}

/** A name (username, group name) that matched nothing. */
export class NotFoundError extends DuoError {
  override name = 'NotFoundError'

  constructor(message: string, hint?: string) {
    super(message, ExitCode.notFound, hint)
  }
}

/** Duo answered with stat FAIL (or a non-JSON error). */
export class DuoApiError extends DuoError {
  override name = 'DuoApiError'
  /** On a 429 given up on early (a retry budget): how long the next backoff would have waited. */
  retryAfterMs?: number

  constructor(
    readonly status: number,
    readonly code: number | undefined,
    readonly duoMessage: string,
    readonly detail?: string,
    hint?: string,
  ) {
    super(
      `${duoMessage}${detail ? `: ${detail}` : ''}${code === undefined ? ` (HTTP ${status})` : ` (${code})`}`,
      exitCodeForStatus(status),
      hint,
    )
  }
}

function exitCodeForStatus(status: number): ExitCodeValue {
  if (status === 401 || status === 403) return ExitCode.config
  if (status === 404) return ExitCode.notFound
  return ExitCode.error
}
