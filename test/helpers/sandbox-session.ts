// One sandbox per test file, and the built CLI pointed at it through the environment (DUO_HOST,
// DUO_IKEY, DUO_SKEY), as a script in CI would run it. Each file has its own state and port, so
// files can run in parallel, and twice in a row.
import {expect} from 'chai'

import {type RunningSandbox, type SandboxOptions, startSandbox} from '../../src/sandbox/server.js'
import {type CliResult, runCli} from './cli.js'

export interface SandboxSession {
  readonly sandbox: RunningSandbox
  /** Runs `duo ARGS` against the sandbox, without a terminal. */
  run(args: string[]): Promise<CliResult>
  /** Runs `duo ARGS --json`, expects exit 0 and parses stdout. */
  json<T = unknown>(args: string[]): Promise<T>
}

/** Registers before/after hooks in the calling describe block. */
export function sandboxSession(options: SandboxOptions = {}): SandboxSession {
  let running: RunningSandbox | undefined
  before(async () => {
    running = await startSandbox(options)
  })
  after(async () => running?.close())

  const session: SandboxSession = {
    async json<T>(args: string[]) {
      const result = await session.run([...args, '--json'])
      expect(result.code, `duo ${args.join(' ')} --json: ${result.stderr}`).to.equal(0)
      return JSON.parse(result.stdout) as T
    },
    run(args: string[]) {
      const {ikey, skey, url} = session.sandbox
      return runCli(args, {env: {DUO_HOST: url, DUO_IKEY: ikey, DUO_SKEY: skey}})
    },
    get sandbox() {
      if (!running) throw new Error('the sandbox starts in before()')
      return running
    },
  }
  return session
}
