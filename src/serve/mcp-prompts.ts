// Prompts, argument completion and resource templates of `duo serve mcp`.
//
// A prompt is one entry in PROMPTS: its name, what it is for, its arguments (with what completes
// them: usernames or group names) and the text it renders. Adding a helpdesk story is adding an entry.
// Completion reads the account (one page of users or groups per request, filtered by the prefix
// typed), so it suggests what exists; the resource template duo://users/{username} reads one user's
// card, compact enough to paste into a conversation.
//
// API:
//   PROMPTS                         the prompts served
//   listPrompts() / getPrompt(name, args)   for prompts/list and prompts/get
//   complete(client, ref, argument) for completion/complete: {values, hasMore}
//   RESOURCE_TEMPLATES / readResource(client, uri)
import type {GetPromptResult, Prompt, ReadResourceResult, ResourceTemplate} from '@modelcontextprotocol/sdk/types.js'
import {ErrorCode, McpError} from '@modelcontextprotocol/sdk/types.js'

import type {DuoCaller} from '../core/calls.js'
import {DuoError} from '../core/errors.js'
import {invoke} from '../core/invoke.js'
import {findUserByName} from '../core/resolve.js'

/** What completes an argument: the account's usernames or group names. */
export type Completes = 'group' | 'user'

export interface PromptArgumentSpec {
  name: string
  description: string
  required?: boolean
  completes?: Completes
}

export interface PromptSpec {
  name: string
  title: string
  description: string
  arguments: PromptArgumentSpec[]
  /** The user message the prompt puts in the conversation, from its arguments (required ones present). */
  text(args: Record<string, string>): string
}

export const PROMPTS: PromptSpec[] = [
  {
    arguments: [{completes: 'user', description: 'The username (or alias) of the person', name: 'username', required: true}],
    description: 'Review what one user can do: status, enrollment, groups, phones, tokens and recent sign-in',
    name: 'review-user',
    text: (args) =>
      `Review the Duo access of the user "${args.username}". Read the card at duo://users/${encodeURIComponent(args.username)} (or call getuser with user_id "${args.username}"), ` +
      'then report: status (flag bypass or disabled), whether enrolled, the groups, the phones and tokens, and the last login. Change nothing.',
    title: 'Review a user',
  },
  {
    arguments: [{completes: 'group', description: 'The group name', name: 'group', required: true}],
    description: 'Review a group: its status and who is in it',
    name: 'review-group',
    text: (args) =>
      `Review the Duo group "${args.group}": call getgroupv2 and listgroupusersv2 with group_id "${args.group}" (names are accepted), ` +
      'then report its status (flag bypass or disabled) and its members, following next until the last page. Change nothing.',
    title: 'Review a group',
  },
]

export function listPrompts(): Prompt[] {
  return PROMPTS.map((p) => ({
    arguments: p.arguments.map(({completes: _, ...argument}) => argument),
    description: p.description,
    name: p.name,
    title: p.title,
  }))
}

export function getPrompt(name: string, args: Record<string, string> = {}): GetPromptResult {
  const prompt = PROMPTS.find((p) => p.name === name)
  if (!prompt) throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${name}. Prompts: ${PROMPTS.map((p) => p.name).join(', ')}.`)
  const missing = prompt.arguments.filter((a) => a.required && (args[a.name] ?? '') === '').map((a) => a.name)
  if (missing.length > 0) throw new McpError(ErrorCode.InvalidParams, `Prompt ${name} needs ${missing.join(', ')}.`)
  return {description: prompt.description, messages: [{content: {text: prompt.text(args), type: 'text'}, role: 'user'}]}
}

const USER_CARD = 'duo://users/{username}'

export const RESOURCE_TEMPLATES: ResourceTemplate[] = [
  {
    description: 'One user\'s card: identity, status, enrollment, groups, phones, tokens and last login (compact JSON)',
    mimeType: 'application/json',
    name: 'user-card',
    title: 'User card',
    uriTemplate: USER_CARD,
  },
]

/** Completion values: at most 100, as the protocol allows. */
const MAX_VALUES = 100

export async function complete(
  client: DuoCaller,
  ref: {type: string; name?: string; uri?: string},
  argument: {name: string; value: string},
): Promise<{values: string[]; hasMore: boolean}> {
  let completes: Completes | undefined
  if (ref.type === 'ref/prompt') completes = PROMPTS.find((p) => p.name === ref.name)?.arguments.find((a) => a.name === argument.name)?.completes
  if (ref.type === 'ref/resource' && ref.uri === USER_CARD && argument.name === 'username') completes = 'user'
  // Unknown prompts and arguments have nothing to suggest: an empty answer, as the protocol expects.
  if (!completes) return {hasMore: false, values: []}
  const prefix = argument.value.toLowerCase()
  // One page (Duo's largest) per request: enough to suggest from, cheap enough to ask on each key.
  const names =
    completes === 'user'
      ? (await invoke<Array<{username: string}>>(client, 'listusers', {limit: 300})).response.map((u) => u.username)
      : (await invoke<Array<{name: string}>>(client, 'listgroups', {limit: 100})).response.map((g) => g.name)
  const values = names.filter((n) => n.toLowerCase().startsWith(prefix)).sort()
  return {hasMore: values.length > MAX_VALUES, values: values.slice(0, MAX_VALUES)}
}

interface DuoUser {
  user_id: string
  username: string
  realname?: string
  email?: string
  status?: string
  is_enrolled?: boolean
  last_login?: null | number
  aliases?: Record<string, string>
  groups?: Array<{name: string}>
  phones?: Array<{phone_id: string; number?: string; name?: string; platform?: string; activated?: boolean}>
  tokens?: Array<{token_id: string; type?: string; serial?: string}>
}

export async function readResource(client: DuoCaller, uri: string): Promise<ReadResourceResult> {
  const match = /^duo:\/\/users\/([^/?#]+)$/.exec(uri)
  if (!match) throw new McpError(ErrorCode.InvalidParams, `Unknown resource: ${uri}. Read a user's card as ${USER_CARD}.`)
  let user: DuoUser
  try {
    user = await findUserByName<DuoUser>(client, decodeURIComponent(match[1]))
  } catch (error) {
    // The SDK's code for a missing resource (-32002) is what clients expect for "no such resource".
    if (error instanceof DuoError) throw new McpError(-32_002, error.message)
    throw error
  }

  const card = {
    aliases: Object.values(user.aliases ?? {}),
    email: user.email,
    groups: (user.groups ?? []).map((g) => g.name),
    is_enrolled: user.is_enrolled,
    last_login: user.last_login,
    phones: (user.phones ?? []).map((p) => ({activated: p.activated, name: p.name, number: p.number, phone_id: p.phone_id, platform: p.platform})),
    realname: user.realname,
    status: user.status,
    tokens: (user.tokens ?? []).map((t) => ({serial: t.serial, token_id: t.token_id, type: t.type})),
    user_id: user.user_id,
    username: user.username,
  }
  return {contents: [{mimeType: 'application/json', text: JSON.stringify(card), uri}]}
}
