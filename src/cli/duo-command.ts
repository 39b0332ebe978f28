// The base of every command: --json, typed flags/args, and one place that turns any failure into a
// one-line message, a hint and the documented exit code (JSON on stderr in --json mode).
import {Command, Errors, Interfaces} from '@oclif/core'

import {DuoError, ExitCode} from '../core/errors.js'
import {ProfileStore} from '../core/profiles.js'
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
    if (process.stdout.isTTY) return super.logJson(json)
    process.stdout.write(JSON.stringify(json, null, 2) + '\n')
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

  /** Notes for a person (progress, warnings): stderr, and silent in --json mode. */
  protected note(message: string): void {
    this.logToStderr(message)
  }

  override async catch(error: Error & {oclif?: {exit?: number}}): Promise<unknown> {
    if (error instanceof Errors.ExitError) throw error
    const described = describeError(error)
    if (described.exitCode === ExitCode.usage && !(error instanceof DuoError) && !this.jsonEnabled()) {
      // oclif's own parse errors: let it print them with the usage lines.
      throw error
    }

    if (this.jsonEnabled()) {
      process.stderr.write(JSON.stringify({error: described}) + '\n')
    } else {
      process.stderr.write(`Error: ${described.message}\n`)
      if (described.hint) process.stderr.write(`Hint: ${described.hint}\n`)
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

function describeError(error: Error & {oclif?: {exit?: number}}): DescribedError {
  if (error instanceof DuoError) {
    const api = error as DuoError & {code?: number; status?: number}
    return {code: api.code, exitCode: error.exitCode, hint: error.hint, message: error.message, name: error.name, status: api.status}
  }

  if (error.name === 'ExitPromptError' || error.name === 'AbortPromptError') {
    return {exitCode: ExitCode.interrupted, message: 'Interrupted: nothing was changed.', name: 'Interrupted'}
  }

  const exit = error.oclif?.exit
  if (exit === 2) return {exitCode: ExitCode.usage, message: error.message, name: 'UsageError'}
  return {exitCode: ExitCode.error, message: error.message, name: error.name}
}
