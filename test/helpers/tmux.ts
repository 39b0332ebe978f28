// A real terminal for interactive tests: each test file gets its own tmux server (its own socket), and
// each terminal runs one command whose pane stays open afterwards, showing "EXITED <code>".
import {execFileSync} from 'node:child_process'

import {BIN} from './cli.js'

export interface Tmux {
  /** Starts `duo ARGS` in a terminal of this size; returns the session name. */
  duo(args: string[], options: {configDir: string; columns?: number; rows?: number}): string
  /** Starts a shell command line in a terminal, with this environment. */
  shell(commandLine: string, options: {env: Record<string, string>; columns?: number; rows?: number}): string
  /** Types text literally (no key names). */
  type(session: string, text: string): void
  /** Presses a key by tmux's name: Enter, Tab, Down … */
  press(session: string, key: string): void
  /** The whole screen and scroll-back, once `pattern` appears on it (15 s at most). */
  waitFor(session: string, pattern: RegExp): Promise<string>
  /** Ends the server and every terminal; call in after(). */
  close(): void
}

const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`

export function tmuxServer(): Tmux {
  const socket = `duo-tty-${process.pid}-${Math.random().toString(36).slice(2, 8)}`
  let sessions = 0
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'})
  const start = (commandLine: string, env: Record<string, string>, columns = 200, rows = 50) => {
    const name = `duo-${process.pid}-${++sessions}`
    const vars = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`).join(' ')
    tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), `env -i ${vars} ${commandLine}; echo "EXITED $?"; sleep 600`)
    return name
  }

  const baseEnv = (configDir: string) => ({DUO_CONFIG_DIR: configDir, HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', PATH: process.env.PATH ?? '', TERM: 'xterm'})
  return {
    close() {
      try {
        tmux('kill-server')
      } catch {
        // No terminal was started, so there is no server.
      }
    },
    duo(args, {columns, configDir, rows}) {
      return start(`${quote(process.execPath)} ${quote(BIN)} ${args.map((a) => quote(a)).join(' ')}`, baseEnv(configDir), columns, rows)
    },
    press(session, key) {
      tmux('send-keys', '-t', session, key)
    },
    shell(commandLine, {columns, env, rows}) {
      return start(commandLine, env, columns, rows)
    },
    type(session, text) {
      tmux('send-keys', '-t', session, '-l', text)
    },
    async waitFor(session, pattern) {
      const deadline = Date.now() + 15_000
      for (;;) {
        const screen = tmux('capture-pane', '-p', '-S', '-', '-t', session)
        if (pattern.test(screen)) return screen
        if (Date.now() > deadline) throw new Error(`${pattern} did not appear; the screen shows:\n${screen}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
  }
}
