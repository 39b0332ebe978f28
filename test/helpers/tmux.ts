// A terminal for tests of what a person sees and types: `duo ARGS` in a tmux pane (200x50), on a
// tmux server of the test file's own, so files run in parallel. Call stop() in after().
import {execFileSync} from 'node:child_process'

import {BIN} from './cli.js'

export interface Terminals {
  /** Starts `duo ARGS`; the pane stays open after it exits, showing "EXITED <code>". */
  start(args: string[], configDir: string, size?: {columns?: number}): string
  /** Starts a shell command line with only this environment (e.g. an interactive bash). */
  shell(commandLine: string, env: Record<string, string>): string
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
  const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`
  const open = (commandLine: string, columns = 200) => {
    const name = `duo-${process.pid}-${++sessions}`
    tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', '50', `${commandLine}; echo "EXITED $?"; sleep 600`)
    return name
  }

  return {
    press: (name, ...keys) => void tmux('send-keys', '-t', name, ...keys),
    shell(commandLine, env) {
      const vars = Object.entries(env).map(([key, value]) => `${key}=${quote(value)}`).join(' ')
      return open(`env -i ${vars} ${commandLine}`)
    },
    start(args, configDir, size = {}) {
      const env = `HOME='${process.env.HOME}' PATH='${process.env.PATH}' DUO_CONFIG_DIR='${configDir}' NO_COLOR=1 TERM=xterm`
      return open(`env -i ${env} '${process.execPath}' '${BIN}' ${args.map((a) => quote(a)).join(' ')}`, size.columns)
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
