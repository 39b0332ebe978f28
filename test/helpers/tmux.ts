// Terminals for the tests that drive duo as a person would: tmux runs the built CLI in a pane of a
// given size, the test types with send-keys and reads the screen with capture-pane. Each test file
// gets its own tmux server (a socket named for its process) and kills it when done.
import {execFileSync} from 'node:child_process'

import {BIN} from './cli.js'

export interface Terminals {
  /** Starts `duo ARGS` in a new pane; it stays open after duo exits, showing "EXITED <code>". */
  start(args: string[], options: {configDir: string; env?: Record<string, string>; height?: number; width?: number}): string
  /** Types text (literally) or named keys (Enter, Escape, Down, C-c) into a pane. */
  type(name: string, text: string): void
  keys(name: string, ...keys: string[]): void
  /** Waits until the pane's whole history matches, and returns it. */
  waitFor(name: string, pattern: RegExp, timeoutMs?: number): Promise<string>
  /** Kills the tmux server of this file (for after()). */
  close(): void
}

const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`

export function terminals(label: string): Terminals {
  const socket = `duo-${label}-${process.pid}`
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'})
  let count = 0
  return {
    close() {
      try {
        tmux('kill-server')
      } catch {
        // No session was started, so there is no server.
      }
    },
    keys: (name, ...keys) => void tmux('send-keys', '-t', name, ...keys),
    start(args, options) {
      const name = `${label}-${++count}`
      const env = {DUO_CONFIG_DIR: options.configDir, HOME: process.env.HOME ?? '', NO_COLOR: '1', PATH: process.env.PATH ?? '', TERM: 'xterm', ...options.env}
      const assignments = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`).join(' ')
      const command = `env -i ${assignments} ${quote(process.execPath)} ${quote(BIN)} ${args.join(' ')}; echo "EXITED $?"; sleep 600`
      tmux('new-session', '-d', '-s', name, '-x', String(options.width ?? 200), '-y', String(options.height ?? 50), command)
      return name
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
