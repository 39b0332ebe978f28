// Terminals for the tests of what a person sees and types: `duo ARGS` (or a shell) in a tmux pane
// of a given size (200x50 unless told), on a tmux server of the test file's own, so files run in
// parallel. The test types with type()/press() and reads the screen with waitFor(). Call stop()
// in after().
import {execFileSync} from 'node:child_process'

import {BIN} from './cli.js'

export interface TerminalOptions {
  configDir: string
  /** More environment for duo (e.g. DUO_HOST, DUO_IKEY, DUO_SKEY of a test's sandbox). */
  env?: Record<string, string>
  columns?: number
  rows?: number
}

export interface Terminals {
  /** Starts `duo ARGS`; the pane stays open after it exits, showing "EXITED <code>". */
  start(args: string[], options: TerminalOptions | string, size?: {columns?: number}): string
  /** Starts a shell command line with only this environment (e.g. an interactive bash). */
  shell(commandLine: string, env: Record<string, string>): string
  /** The pane's whole text once `pattern` appears in it (15 s at most unless told). */
  waitFor(name: string, pattern: RegExp, timeoutMs?: number): Promise<string>
  /** Types text literally. */
  type(name: string, text: string): void
  /** Presses keys by tmux name (Enter, Escape, Down, C-c …). */
  press(name: string, ...keys: string[]): void
  stop(): void
}

const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`
const assignments = (env: Record<string, string>) => Object.entries(env).map(([key, value]) => `${key}=${quote(value)}`).join(' ')

export function terminals(label: string): Terminals {
  const socket = `duo-${label}-${process.pid}`
  let sessions = 0
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'})
  const open = (commandLine: string, columns = 200, rows = 50) => {
    const name = `duo-${process.pid}-${++sessions}`
    tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), `${commandLine}; echo "EXITED $?"; sleep 600`)
    return name
  }

  return {
    press: (name, ...keys) => void tmux('send-keys', '-t', name, ...keys),
    shell: (commandLine, env) => open(`env -i ${assignments(env)} ${commandLine}`),
    start(args, given, size = {}) {
      const options = typeof given === 'string' ? {configDir: given, ...size} : given
      const env = {DUO_CONFIG_DIR: options.configDir, HOME: process.env.HOME ?? '', NO_COLOR: '1', PATH: process.env.PATH ?? '', TERM: 'xterm', ...options.env}
      return open(`env -i ${assignments(env)} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`, options.columns, options.rows)
    },
    stop() {
      try {
        tmux('kill-server')
      } catch {
        // No session was started, so there is no server.
      }
    },
    type: (name, text) => void tmux('send-keys', '-t', name, '-l', text),
    async waitFor(name, pattern, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const screen = tmux('capture-pane', '-p', '-S', '-', '-t', name)
        if (pattern.test(screen)) return screen
        if (Date.now() > deadline) throw new Error(`${pattern} did not appear; the screen shows:\n${screen}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
  }
}
