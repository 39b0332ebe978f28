import {existsSync} from 'node:fs'

import {ApiCommand} from '../cli/api-command.js'
import {type DoctorReport, renderReport, runDoctor} from '../tasks/doctor.js'
import {type ResolvedCredentials, credentialSource, resolveCredentials, sourceHost} from '../core/credentials.js'
import {DuoApiError, DuoError, ExitCode, NetworkError, NotFoundError} from '../core/errors.js'

export default class Doctor extends ApiCommand<typeof Doctor> {
  static override description = `Checks, in order: the profile (and that its file is mode 0600), the API host, DNS and a TCP connection (to the proxy when one applies), TLS (showing who issued the certificate), this computer's clock against Duo's, whether Duo accepts the keys (one signed read: list 1 user), and which permissions the integration has. Only reads are sent: "Grant resource - Write" is not probed. A check that cannot run because an earlier one failed is shown as skipped.

Exit status: 0 when every check passes, 1 when any fails. With --json: {checks: [{name, ok, skipped, detail, fix?}], ok} on stdout, whatever the outcome.`

  static override examples = [
    '<%= config.bin %> <%= command.id %>',
    '<%= config.bin %> <%= command.id %> --profile prod --ca-bundle corp-ca.pem',
    '<%= config.bin %> <%= command.id %> --json | jq \'.checks[] | select(.ok | not)\'',
  ]

  static override summary = 'Find out why duo cannot reach or use Duo: profile, network, proxy, TLS, clock, keys, permissions'

  async run(): Promise<DoctorReport> {
    let accountError: DuoError | undefined
    const credentials = await this.session().then(
      (session) => session.credentials,
      (error: unknown) => {
        if (!(error instanceof DuoError)) throw error
        const parent = this.parentCredentials(error)
        if (parent) accountError = error
        return parent ?? error
      },
    )
    const report: DoctorReport = await runDoctor({
      accountError,
      configFile: {exists: existsSync(this.profiles.path), looseMode: this.profiles.looseMode(), path: this.profiles.path},
      credentials,
      rawHost: this.rawHost(),
    })
    this.show(() => renderReport(report))
    if (!report.ok) this.failAfter(report, ExitCode.error)
    return report
  }

  /**
   * When the session failed at the child account's lookup (its only call to Duo), the parent's
   * credentials, so the checks can say why: the network, the keys, the Accounts API permission.
   */
  private parentCredentials(error: DuoError): ResolvedCredentials | undefined {
    if (this.flags.sandbox || !(error instanceof NetworkError || error instanceof DuoApiError || error instanceof NotFoundError)) return undefined
    const {profileAccount: _child, ...parent} = resolveCredentials(this.profiles, this.flags.profile)
    return this.flags['ca-bundle'] ? {...parent, caBundle: this.flags['ca-bundle']} : parent
  }

  /** The host the credentials would have used, as written. */
  private rawHost(): string | undefined {
    if (this.flags.sandbox) return undefined
    return sourceHost(this.profiles, credentialSource(this.profiles, this.flags.profile))
  }
}
