// What `duo profiles add` needs beyond storage: gathering the keys from flags, prompts or stdin
// (the secret never from argv), checking the optional proxy and CA bundle before saving, and the
// masked view `list`/`show` print.
import {parseApiHost} from '../core/host.js'
import {checkProxySetting, readCaBundle, redactProxy} from '../transport/network.js'
import type {Profile, ProfileStore} from '../core/profiles.js'
import {type PromptContext, askForValue, readStdin} from './prompts.js'
import type {SignatureVersion} from '../core/signing.js'
import {UsageError} from '../core/errors.js'

export interface ProfileInput {
  ikey?: string
  host?: string
  skeyFromStdin: boolean
  signatureVersion: SignatureVersion
  proxy?: string
  caBundle?: string
}

const IKEY = /^DI[A-Z0-9]{18}$/

export async function gatherProfile(ctx: PromptContext, input: ProfileInput): Promise<Omit<Profile, 'account'>> {
  // Check what was given before asking for the rest, so a typo fails fast.
  if (input.host) parseApiHost(input.host)
  const network = {
    ...(input.proxy === undefined ? {} : {proxy: checkProxySetting(input.proxy)}),
    ...(input.caBundle === undefined ? {} : {caBundle: readCaBundle(input.caBundle).path}),
  }
  const ikey = input.ikey ?? (await askForValue(ctx, {flag: '--ikey', message: 'Integration key (DI…):', validate: validIkey}))
  const ikeyProblem = validIkey(ikey)
  if (ikeyProblem !== true) throw new UsageError(ikeyProblem)
  const host = input.host ?? (await askForValue(ctx, {flag: '--host', message: 'API hostname (api-XXXXXXXX.duosecurity.com):', validate: validHost}))
  parseApiHost(host)
  const skey = input.skeyFromStdin
    ? await readStdin()
    : await askForValue(ctx, {flag: '--skey-stdin', message: 'Secret key (hidden):', secret: true})
  if (!skey) throw new UsageError('The secret key is empty.', 'Pipe it on stdin with --skey-stdin, or enter it at the prompt.')
  return {host, ikey, signatureVersion: input.signatureVersion, skey, ...network}
}

function validIkey(value: string): string | true {
  // The sandbox's keys have the same shape, so this holds for both.
  return IKEY.test(value) ? true : `"${value}" does not look like an integration key (DI followed by 18 letters or digits).`
}

function validHost(value: string): string | true {
  try {
    parseApiHost(value)
    return true
  } catch (error) {
    return (error as Error).message
  }
}

export interface ProfileView {
  name: string
  default: boolean
  host: string
  ikey: string
  skey: string
  signatureVersion: SignatureVersion
  proxy?: string
  caBundle?: string
  /** The MSP child account it acts on: "Name (DA…)". */
  account?: string
}

/** A profile as shown to people and scripts: the secret key is never included. */
export function viewProfile(store: ProfileStore, name: string): ProfileView {
  const profile = store.get(name)
  return {
    default: store.defaultName() === name,
    host: profile.host,
    ikey: profile.ikey,
    name,
    signatureVersion: profile.signatureVersion ?? 5,
    skey: `******** (${profile.skey.length} characters, hidden)`,
    ...(profile.proxy === undefined ? {} : {proxy: redactProxy(profile.proxy)}),
    ...(profile.caBundle === undefined ? {} : {caBundle: profile.caBundle}),
    ...(profile.account === undefined ? {} : {account: `${profile.account.name} (${profile.account.account_id})`}),
  }
}
