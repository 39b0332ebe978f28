// `duo users phones add USER --number …`: find the phone with that number or create it, then
// attach it to the user. Phones are shared in Duo, so a phone already someone else's is attached
// only once the caller agrees; a new Duo Mobile phone needs a platform, since activation fails
// while it is Unknown. Every question is asked, and every lookup made, before the first write.
import {call} from '../core/call.js'
import type {DuoCaller} from '../core/calls.js'
import type {DuoPhone} from '../core/duo-objects.js'
import {resolveUserId} from '../core/resolve.js'

export interface AttachByNumber {
  user: string
  number: string
  /** Duo's lowercase request values; type defaults to mobile. */
  type?: string
  platform?: string
  extension?: string
}

export interface AttachQuestions {
  /** The phone already belongs to these usernames: resolves to go on, throws to stop. */
  confirmShared(phone: DuoPhone, owners: string[]): Promise<void>
  /** A new mobile phone has no platform: resolves to one of Duo's platform values. */
  platform(): Promise<string>
}

export interface AttachedPhone {
  user_id: string
  phone_id: string
  /** A new phone was created for the number. */
  created: boolean
  /** It was already attached to this user: nothing was changed. */
  already: boolean
  phone: DuoPhone
}

export async function attachPhoneByNumber(client: DuoCaller, request: AttachByNumber, ask: AttachQuestions): Promise<AttachedPhone> {
  const userId = await resolveUserId(client, request.user)
  const {response: found} = await call<DuoPhone[]>(client, 'listphones', {extension: request.extension, number: request.number})
  const existing = found[0]
  if (existing) {
    if (existing.users.some((u) => u.user_id === userId)) return {already: true, created: false, phone: existing, phone_id: existing.phone_id, user_id: userId}
    const owners = existing.users.map((u) => u.username)
    if (owners.length > 0) await ask.confirmShared(existing, owners)
    await call(client, 'associateuserphone', {phone_id: existing.phone_id, user_id: userId})
    return {already: false, created: false, phone: existing, phone_id: existing.phone_id, user_id: userId}
  }

  const type = request.type ?? 'mobile'
  const platform = request.platform ?? (type === 'mobile' ? await ask.platform() : undefined)
  const {response: phone} = await call<DuoPhone>(client, 'createphone', {extension: request.extension, number: request.number, platform, type})
  await call(client, 'associateuserphone', {phone_id: phone.phone_id, user_id: userId})
  return {already: false, created: true, phone: {...phone, users: [{user_id: userId, username: request.user}]}, phone_id: phone.phone_id, user_id: userId}
}
