// `duo profiles add` checks new keys before saving them, as `gh auth login` does: one cheap signed
// read (GET /admin/v1/users?limit=1, one attempt). When it fails, the doctor's checks say why (DNS,
// TLS, clock, keys …) and its fix for the first one that failed becomes the hint.
import {invoke} from '../core/invoke.js'
import {DuoApiError, DuoError} from '../core/errors.js'
import type {ResolvedCredentials} from '../core/credentials.js'
import {DuoClient} from '../transport/client.js'
import {type DoctorInput, runDoctor} from './doctor.js'

export interface KeyCheck {
  /** Said to the person when the keys work but something is still missing (the read permission). */
  note?: string
}

export async function checkNewKeys(credentials: ResolvedCredentials, configFile: DoctorInput['configFile'], timeoutMs = 10_000): Promise<KeyCheck> {
  const client = new DuoClient({credentials, maxAttempts: 1, timeoutMs})
  try {
    await invoke(client, 'listusers', {limit: 1})
    return {}
  } catch (error) {
    if (error instanceof DuoApiError && error.code === 40_301) {
      return {note: `Duo accepted the keys, but this application may not read users (40301): ${error.hint ?? 'grant "Grant resource - Read".'}`}
    }

    if (!(error instanceof DuoError)) throw error
    const report = await runDoctor({configFile, credentials, rawHost: credentials.host, timeoutMs})
    const failed = report.checks.find((check) => !check.ok && !check.skipped)
    const said = error instanceof DuoApiError ? 'Duo refused the test call' : 'the test call failed'
    throw new DuoError(
      `The profile was not saved: ${said}: ${error.message.replace(/\.$/, '')}.`,
      error.exitCode,
      `${failed?.fix ?? error.hint ?? 'Run `duo doctor` with these keys in DUO_IKEY/DUO_SKEY/DUO_HOST.'} Pass --no-verify to save it unchecked.`,
    )
  } finally {
    client.close()
  }
}
