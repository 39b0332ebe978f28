// A capability file may bind the consumed API's credentials to environment variables of its own
// choosing (`binds`, namespace env). The keys still come only from the environment (or the profile):
// the variable the file names is copied to the one duo reads (DUO_IKEY / DUO_SKEY), never a value
// from the file itself.
import type {Capability} from '../serve/capability-file.js'

export function useKeyVariables(capability: Capability, env: NodeJS.ProcessEnv = process.env): void {
  const {ikey, skey} = capability.keyVariables
  if (ikey && env[ikey] !== undefined && env.DUO_IKEY === undefined) env.DUO_IKEY = env[ikey]
  if (skey && env[skey] !== undefined && env.DUO_SKEY === undefined) env.DUO_SKEY = env[skey]
}
