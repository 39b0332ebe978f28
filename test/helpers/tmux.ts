// A terminal for tests of what a person sees and types: `duo ARGS` in a tmux pane (200x50), on a
// tmux server of the test file's own, so files run in parallel. Call stop() in after().
import {execFileSync} from 'node:child_process'

import {BIN} from './cli.js'

export interface Terminals {
  /** Starts `duo ARGS`; the pane stays open after it exits, showing "EXITED <code>". */
  start(args: string[], configDir: string): string
  /** The pane's text once `pattern` appears in it (15 s at most). */
  waitFor(name: string, pattern: RegExp): Promise<string>
  /** Types text literally. */
  type(name: string, text: string): void
  /** Presses keys by tmux name (Enter, Down …). */
  press(name: string, ...keys: string[]): void
  stop(): void
}

export function terminals(label: string): Terminals {
  const socket = `duo-${label}-${process.pid}`
  let sessions = 0
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'})
  return {
    press: (name, ...keys) => void tmux('send-keys', '-t', name, ...keys),
    start(args, configDir) {
      const name = `duo-${process.pid}-${++sessions}`
      const env = `HOME='${process.env.HOME}' PATH='${process.env.PATH}' DUO_CONFIG_DIR='${configDir}' NO_COLOR=1 TERM=xterm`
      const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')
      tmux('new-session', '-d', '-s', name, '-x', '200', '-y', '50', `env -i ${env} '${process.execPath}' '${BIN}' ${quoted}; echo "EXITED $?"; sleep 600`)
      return name
    },
    stop() {
      try {
        tmux('kill-server')
      } catch {
        // No session was started, so there is no server.
      }
    },
    type: (name, text) => void tmux('send-keys', '-t', name, '-l', text),
    async waitFor(name, pattern) {
      const deadline = Date.now() + 15_000
      for (;;) {
        const screen = tmux('capture-pane', '-p', '-S', '-', '-t', name)
        if (pattern.test(screen)) return screen
        if (Date.now() > deadline) throw new Error(`${pattern} did not appear; the screen shows:\n${screen}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
  }
}
