// Questions to a person at a terminal. Never asked without one (or in --json mode): then a missing
// value or confirmation is a usage error, raised before any request is sent. Prompts go to stderr
// so stdout stays data. inquirer is loaded only when a question is really asked (start-up speed).
import {DuoError, ExitCode, UsageError} from '../core/errors.js'

export interface PromptContext {
  interactive: boolean
  /** Aborts the question (the guided session's Esc). */
  signal?: AbortSignal
}

export function terminalIsInteractive(jsonMode: boolean): boolean {
  return !jsonMode && Boolean(process.stdin.isTTY) && Boolean(process.stderr.isTTY)
}

const io = () => ({input: process.stdin, output: process.stderr})

/** Asks before a change that removes access or reaches a person; `yes` skips the question. */
export async function confirmOrAbort(ctx: PromptContext, question: string, yes: boolean): Promise<void> {
  if (yes) return
  if (!ctx.interactive) throw new UsageError(`Refusing to continue without confirmation: ${question}`, 'Pass --yes to confirm.')
  const {confirm} = await import('@inquirer/prompts')
  const ok = await confirm({default: false, message: question}, io())
  if (!ok) throw new DuoError('Cancelled: nothing was changed.', ExitCode.error)
}

/** A required value that was not given: asked for on a terminal, a usage error otherwise. */
export async function askForValue(
  ctx: PromptContext,
  what: {flag: string; message: string; secret?: boolean; validate?: (value: string) => string | true},
): Promise<string> {
  if (!ctx.interactive) throw new UsageError(`Missing ${what.flag}.`, `Pass ${what.flag}, or run on a terminal to be asked.`)
  const prompts = await import('@inquirer/prompts')
  const validate = (value: string) => (value.trim() === '' ? 'A value is required.' : (what.validate?.(value.trim()) ?? true))
  const answer = what.secret
    ? await prompts.password({mask: '*', message: what.message, validate}, io())
    : await prompts.input({message: what.message, validate}, io())
  return answer.trim()
}

/** Lets a person pick one of many values by typing part of it. */
export async function searchChoice(
  ctx: PromptContext,
  what: {flag: string; message: string; source: (term: string | undefined) => Promise<Array<{name: string; value: string}>>},
): Promise<string> {
  if (!ctx.interactive) throw new UsageError(`Missing ${what.flag}.`, `Pass ${what.flag}, or run on a terminal to pick one.`)
  const {search} = await import('@inquirer/prompts')
  return search({message: what.message, source: what.source}, {...io(), signal: ctx.signal})
}

/** The choices whose label contains what was typed (case-insensitively); all of them before anything is typed. */
export function filterChoices<C extends {name: string}>(choices: C[], term: string | undefined): C[] {
  return term ? choices.filter((c) => c.name.toLowerCase().includes(term.toLowerCase())) : choices
}

/** Reads a secret piped on stdin (e.g. `pass show duo | duo profiles add … --skey-stdin`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8').trim()
}

/** One of a few fixed choices, picked with the arrow keys. */
export async function chooseOne(
  ctx: PromptContext,
  what: {flag: string; message: string; choices: Array<{name: string; value: string}>},
): Promise<string> {
  if (!ctx.interactive) throw new UsageError(`Missing ${what.flag}.`, `Pass ${what.flag}, or run on a terminal to choose.`)
  const {select} = await import('@inquirer/prompts')
  return select({choices: what.choices, message: what.message}, io())
}
