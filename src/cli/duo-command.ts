// The base of every command: --json, typed flags/args, and one place that turns any failure into a
// one-line message, a hint and the documented exit code (JSON on stderr in --json mode).
import {Command, Errors, Interfaces} from '@oclif/core'

import {DuoError, ExitCode} from '../core/errors.js'
import {ProfileStore} from '../core/profiles.js'
import {escapeMessage} from './output.js'
import {type PromptContext, terminalIsInteractive} from './prompts.js'

export type CommandFlags<T extends typeof Command> = Interfaces.InferredFlags<T['baseFlags'] & T['flags']>
export type CommandArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>

export abstract class DuoCommand<T extends typeof Command> extends Command {
  static override enableJsonFlag = true
  protected args!: CommandArgs<T>
  protected flags!: CommandFlags<T>
  /** Every positional argument, for commands that take any number of them (static strict = false). */
  protected argList!: string[]
  private profileStore?: ProfileStore

  override async init(): Promise<void> {
    await super.init()
    const {args, argv, flags} = await this.parse({
      args: this.ctor.args,
      baseFlags: this.ctor.baseFlags,
      enableJsonFlag: this.ctor.enableJsonFlag,
      flags: this.ctor.flags,
      strict: this.ctor.strict,
    })
    this.flags = flags as CommandFlags<T>
    this.args = args as CommandArgs<T>
    this.argList = argv as string[]
  }

  protected get profiles(): ProfileStore {
    this.profileStore ??= new ProfileStore(this.config.configDir, {warn: (message) => process.stderr.write(message + '\n')})
    return this.profileStore
  }

  protected get prompt(): PromptContext {
    return {interactive: terminalIsInteractive(this.jsonEnabled())}
  }

  /** Human output, rendered only when it will be shown (--json prints the returned data instead). */
  protected show(render: () => string): void {
    if (!this.jsonEnabled()) this.log(render())
  }

  /**
   * oclif colours JSON by tokenizing all of it, even when the colours are then dropped. Into a pipe
   * (scripts) the text is the same without that pass, which took over 100 ms on a page of 300 users.
   */
  override logJson(json: unknown): void {
    if (process.stdout.isTTY) {
      super.logJson(json)
      this.flushNotesAfterData()
      return
    }

    // Notes about the data (more pages exist) follow it only once it was written: a reader that
    // closed the pipe early (`| head -c 100`) gets no note for data it never read.
    process.stdout.write(JSON.stringify(json, null, 2) + '\n', (error) => {
      if (!error) this.flushNotesAfterData()
    })
  }

  private notesAfterData: string[] = []

  /** A note about the JSON printed when run() returns (e.g. that more pages exist): said after it. */
  protected noteAfterData(message: string): void {
    this.notesAfterData.push(message)
  }

  private flushNotesAfterData(): void {
    // Straight to stderr: oclif's logToStderr is silent in --json mode, and this note is for --json.
    for (const message of this.notesAfterData.splice(0)) process.stderr.write(escapeMessage(message) + '\n')
  }

  /**
   * For a command whose data is the answer even when it fails (bulk results, a doctor report, a
   * push denied): the data is printed (--json) and the command then ends with the failure, either
   * an error (printed as usual) or an exit code after what the command already said.
   */
  protected failAfter(data: unknown, failure: DuoError | number): never {
    if (this.jsonEnabled()) this.logJson(data)
    if (typeof failure === 'number') this.exit(failure)
    throw failure
  }

  /** Notes for a person (progress, warnings): stderr, control characters escaped. */
  protected note(message: string): void {
    this.logToStderr(escapeMessage(message))
  }

  override async catch(error: Error & {oclif?: {exit?: number}}): Promise<unknown> {
    if (error instanceof Errors.ExitError) throw error
    const described = describeError(error, `${this.config.bin} ${this.id?.replaceAll(':', ' ') ?? ''}`.trim())
    if (this.jsonEnabled()) {
      process.stderr.write(JSON.stringify({error: described}) + '\n')
    } else {
      process.stderr.write(`Error: ${escapeMessage(described.message)}\n`)
      if (described.hint) process.stderr.write(`Hint: ${escapeMessage(described.hint)}\n`)
    }

    throw new Errors.ExitError(described.exitCode)
  }
}

interface DescribedError {
  name: string
  message: string
  exitCode: number
  hint?: string
  status?: number
  code?: number
}

type OclifError = Error & {oclif?: {exit?: number}; parse?: unknown; args?: Array<{name: string}>}

function describeError(error: OclifError, commandLine: string): DescribedError {
  if (error instanceof DuoError) {
    const api = error as DuoError & {code?: number; status?: number}
    return {code: api.code, exitCode: error.exitCode, hint: error.hint, message: error.message, name: error.name, status: api.status}
  }

  if (error.name === 'ExitPromptError' || error.name === 'AbortPromptError') {
    return {exitCode: ExitCode.interrupted, message: 'Interrupted: nothing was changed.', name: 'Interrupted'}
  }

  const exit = error.oclif?.exit
  if (exit === 2 || error.parse !== undefined) {
    return {exitCode: ExitCode.usage, hint: `See \`${commandLine} --help\`.`, message: parseErrorLine(error), name: 'UsageError'}
  }

  return {exitCode: ExitCode.error, message: error.message, name: error.name}
}

/**
 * oclif's parse errors in duo's one-line form: "Missing USER." rather than a count and a list, and
 * without the usage text and "See more help" lines oclif adds (the hint points to --help instead).
 */
function parseErrorLine(error: OclifError): string {
  if (error.message.startsWith('Missing') && Array.isArray(error.args)) {
    return `Missing ${error.args.map((arg) => arg.name.toUpperCase()).join(', ')}.`
  }

  // eslint-disable-next-line no-control-regex
  const plain = error.message.replace(/\u001b\[[0-9;]*m/g, '')
  const lines = plain.split('\n').map((line) => line.trim())
  const said = lines.filter((line) => line !== '' && line !== 'See more help with --help' && !/^The following errors? occurred:$/.test(line))
  // "Parsing --timeout" adds nothing when the flag's own message names the flag already.
  const parsing = /^Parsing (--[\w-]+)$/.exec(said[0] ?? '')
  if (parsing && said[1]?.startsWith(parsing[1])) said.shift()
  const text = said.join('; ')
  return /[.:!?]$/.test(text) ? text : `${text}.`
}
