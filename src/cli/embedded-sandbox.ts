// `--sandbox`: a Duo emulator started inside this process on a free loopback port, with its state
// kept under the config dir so that what one command creates, the next one sees. Always announced
// on stderr: running against the emulator is never silent, and never a fallback.
import {mkdirSync} from 'node:fs'
import {dirname} from 'node:path'

import type {ResolvedCredentials} from '../core/credentials.js'
import {sandboxStateFile} from '../core/profiles.js'

export interface EmbeddedSandbox {
  credentials: ResolvedCredentials
  stop(): Promise<void>
}

export async function startEmbeddedSandbox(configDir: string): Promise<EmbeddedSandbox> {
  const {startSandbox} = await import('../sandbox/server.js')
  const stateFile = sandboxStateFile(configDir)
  mkdirSync(dirname(stateFile), {mode: 0o700, recursive: true})
  const sandbox = await startSandbox({stateFile})
  process.stderr.write(`Using the embedded sandbox (a local Duo emulator, not your Duo account); state: ${stateFile}\n`)
  return {
    credentials: {host: sandbox.host, ikey: sandbox.ikey, skey: sandbox.skey, source: 'the embedded sandbox'},
    stop: () => sandbox.close(),
  }
}
