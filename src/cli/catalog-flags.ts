// Flags made from the catalog's parameters: the flag is the kebab-case of Duo's name and takes its
// help text, allowed values and bounds from the catalog, so the CLI accepts what REST and MCP accept.
import {Flags} from '@oclif/core'

import {UsageError} from '../core/errors.js'
import {type OperationName, type ParamSpec, getOperation} from '../core/catalog/index.js'

interface Extra {
  exclusive?: string[]
}

function spec(operation: OperationName, name: string): ParamSpec {
  const found = getOperation(operation).params.find((p) => p.name === name)
  if (!found) throw new Error(`${operation} has no parameter ${name}`)
  return found
}

const flagName = (param: string) => param.replaceAll('_', '-')

/** No oclif defaults: Duo's default applies when a flag is left out (the catalog's `default` is for help only). */
export const paramFlag = {
  boolean: (operation: OperationName, name: string, extra: Extra = {}) =>
    Flags.boolean({description: spec(operation, name).description, ...extra}),
  integer(operation: OperationName, name: string, extra: Extra = {}) {
    const {description, max, min} = spec(operation, name)
    return Flags.integer({description, max, min, ...extra})
  },
  string(operation: OperationName, name: string, extra: Extra = {}) {
    const {description, enum: options} = spec(operation, name)
    return Flags.string({description, options: options ? [...options] : undefined, ...extra})
  },
}

/** A Duo parameter name as a flag name, at the type level too (valid_secs → valid-secs). */
type FlagName<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}-${FlagName<Tail>}` : S

/** Several string flags of one operation at once (e.g. a group's name, desc and status). */
export function stringParamFlags<N extends string>(operation: OperationName, names: readonly N[]) {
  return Object.fromEntries(names.map((name) => [flagName(name), paramFlag.string(operation, name)])) as Record<
    FlagName<N>,
    ReturnType<typeof paramFlag.string>
  >
}

/** The operation's query/body input from parsed flags, each parameter read from its kebab-case flag. */
export function paramsFromFlags(operation: OperationName, flags: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(getOperation(operation).params.map((p) => [p.name, flags[flagName(p.name)]]))
}

/** Like paramsFromFlags, for updates: giving nothing to change is a usage error, not an empty call. */
export function changesFromFlags(operation: OperationName, flags: Record<string, unknown>): Record<string, unknown> {
  const changes = paramsFromFlags(operation, flags)
  if (Object.values(changes).every((value) => value === undefined)) {
    const names = getOperation(operation).params.map((p) => `--${flagName(p.name)}`)
    throw new UsageError(`Nothing to change: pass at least one of ${names.join(', ')}.`)
  }

  return changes
}
