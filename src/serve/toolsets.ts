// Which operations a serving process offers: toolsets (operations grouped by the Admin API resource
// they act on), then --tools and --read-only on top. The grouping is read from each operation's path,
// so an operation another module adds to the catalog lands in its toolset with no code here: the
// resource is the first segment after /admin/vN, and a few of Duo's resources share one toolset
// (phones, tokens, WebAuthn credentials and desktop authenticators are all "devices").
//
// API:
//   toolsetOf(operation)            the toolset's name ("users", "groups", "devices", "logs", "account" …)
//   toolsets(from?)                 [{name, description, operations}] over the catalog, in catalog order
//   selectOperations(selection)     the operations to serve, or a UsageError naming what is wrong
import {UsageError} from '../core/errors.js'
import {type Operation, operations as catalog} from '../core/catalog/index.js'

/** Duo's resources (the path segment after /admin/vN) that belong to a toolset of another name. */
const RESOURCE_TOOLSET: Record<string, string> = {
  account: 'account',
  admins: 'account',
  administrative_units: 'account',
  billing: 'account',
  branding: 'account',
  bulk: 'users',
  bypass_codes: 'devices',
  desktop_authenticators: 'devices',
  desktoptokens: 'devices',
  endpoints: 'devices',
  info: 'account',
  integrations: 'account',
  logs: 'logs',
  phones: 'devices',
  policies: 'account',
  registered_devices: 'devices',
  settings: 'account',
  tokens: 'devices',
  trust_monitor: 'logs',
  u2ftokens: 'devices',
  webauthncredentials: 'devices',
}

/** What each toolset holds, for --help, the dynamic mode's list and the README. */
const DESCRIPTIONS: Record<string, string> = {
  account: 'The account itself: administrators, integrations, settings, summary and policies; an MSP\'s child accounts and their billing',
  devices: 'Phones, hardware tokens, WebAuthn credentials, desktop authenticators and bypass codes',
  groups: 'Groups and their members',
  logs: 'Authentication, administrator and telephony logs, and Trust Monitor events',
  users: 'Users and what hangs off one user: groups, phones, tokens, bypass codes, verification pushes, directory sync; the bulk endpoint',
}

/** The first path segment after the API version: /admin/v1/users/{user_id}/phones → users. */
function resourceOf(operation: Operation): string {
  return operation.path.split('/')[3] ?? 'other'
}

export function toolsetOf(operation: Operation): string {
  const resource = resourceOf(operation)
  return RESOURCE_TOOLSET[resource] ?? resource
}

export interface Toolset {
  name: string
  description: string
  operations: Operation[]
}

export function toolsets(from: readonly Operation[] = catalog): Toolset[] {
  const byName = new Map<string, Operation[]>()
  for (const operation of from) {
    const name = toolsetOf(operation)
    byName.set(name, [...(byName.get(name) ?? []), operation])
  }

  return [...byName].map(([name, members]) => ({
    description: DESCRIPTIONS[name] ?? `Operations on Duo's /${name} resource`,
    name,
    operations: members,
  }))
}

export interface Selection {
  /** Toolset names, or ['all']; undefined: the default set. */
  toolsets?: readonly string[]
  /** Operation names, added to what the toolsets select (alone: exactly these). */
  tools?: readonly string[]
  /** Only operations whose hint is readOnly: wins over everything else. */
  readOnly?: boolean
}

export interface Selected {
  operations: Operation[]
  /** Names asked for in `tools` but left out by `readOnly`, so the caller can say so. */
  withheld: string[]
}

/**
 * The operations to serve, from `universe` (the catalog, or what a capability file declares), in its
 * order. Without toolsets or tools: `fallback` (the capability's tools for MCP, everything for REST).
 * An unknown toolset or tool name is a UsageError at start-up, never a silently smaller server;
 * read-only hides write tools even when named, as github-mcp-server does.
 */
export function selectOperations(selection: Selection, universe: readonly Operation[], fallback: readonly Operation[] = universe): Selected {
  const sets = toolsets(universe)
  const wantedSets = selection.toolsets === undefined ? undefined : new Set(selection.toolsets)
  const wantedTools = selection.tools === undefined ? undefined : new Set(selection.tools)
  if (wantedSets) {
    const unknown = [...wantedSets].filter((name) => name !== 'all' && !sets.some((s) => s.name === name))
    if (unknown.length > 0 || wantedSets.size === 0) {
      throw new UsageError(
        wantedSets.size === 0 ? '--toolsets names no toolset.' : `Unknown toolset${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
        `Toolsets: ${sets.map((s) => s.name).join(', ')}, or all.`,
      )
    }
  }

  if (wantedTools) {
    const unknown = [...wantedTools].filter((name) => !universe.some((o) => o.name === name))
    if (unknown.length > 0 || wantedTools.size === 0) {
      throw new UsageError(
        wantedTools.size === 0 ? '--tools names no tool.' : `Unknown tool${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
        `Tools are the operation names: ${universe.map((o) => o.name).join(', ')}.`,
      )
    }
  }

  const inSets = (o: Operation) => wantedSets !== undefined && (wantedSets.has('all') || wantedSets.has(toolsetOf(o)))
  const named = wantedSets || wantedTools ? universe.filter((o) => inSets(o) || wantedTools?.has(o.name)) : [...fallback]
  const served = selection.readOnly ? named.filter((o) => o.hints.readOnly) : named
  const withheld = wantedTools ? named.filter((o) => wantedTools.has(o.name) && !served.includes(o)).map((o) => o.name) : []
  if (served.length === 0) {
    throw new UsageError(
      withheld.length > 0 ? `Nothing to serve: ${withheld.join(', ')} change data, and --read-only serves only read tools.` : 'Nothing to serve: the selection holds only write operations, and --read-only serves only read ones.',
    )
  }

  return {operations: served, withheld}
}
