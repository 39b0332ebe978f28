// "I have a new phone" (or lost the old one): the lost phone is detached first, so it stops being
// a way in; the new number is found or created and attached; Duo Mobile's activation link is
// texted to it; bypass codes can bridge the time until it is activated.
import type {DuoPhone} from '../../../core/duo-objects.js'
import {formatSeconds} from '../../../core/durations.js'
import {UsageError} from '../../../core/errors.js'
import type {CasePlan, CaseStep} from '../plan.js'
import {type UserFacts, caseUser, phoneLabel} from '../user-facts.js'

export interface LostPhoneOptions {
  /** The new phone's number. */
  number: string
  /** Duo's platform value, for a phone that has to be created. */
  platform?: string
  /** The lost phone (id or number); by default the user's only other phone. */
  lost?: string
  /** Bypass codes to issue meanwhile, and how long they last (seconds; 0 never expires). */
  bypassCodes?: {count: number; validSecs: number}
}

/** `found` is the phone Duo already has with the new number, if any. */
export function planLostPhone(facts: UserFacts, found: DuoPhone | undefined, options: LostPhoneOptions): CasePlan {
  const {user} = facts
  const sameNumber = (phone: {number?: string}) => phone.number === options.number
  const others = user.phones.filter((p) => !sameNumber(p))
  const steps: CaseStep[] = []

  if (options.lost !== undefined) {
    const lost = user.phones.find((p) => p.phone_id === options.lost || p.number === options.lost)
    steps.push({
      alreadyDone: lost ? undefined : `${options.lost} is not attached to ${user.username}`,
      id: `detach:${lost?.phone_id ?? options.lost}`,
      input: {phone_id: lost?.phone_id ?? options.lost, user_id: user.user_id},
      operation: 'disassociateuserphone',
      sensitive: true,
      title: `Detach the lost phone ${lost ? phoneLabel(lost) : options.lost} from ${user.username}`,
    })
  } else if (others.length > 1) {
    throw new UsageError(
      `${user.username} has ${others.length} other phones: ${others.map((p) => `${phoneLabel(p)} (${p.phone_id})`).join(', ')}.`,
      'Say which one is lost with --lost PHONE (its number or id).',
    )
  } else if (others.length === 1) {
    steps.push({
      id: `detach:${others[0].phone_id}`,
      input: {phone_id: others[0].phone_id, user_id: user.user_id},
      operation: 'disassociateuserphone',
      sensitive: true,
      title: `Detach the lost phone ${phoneLabel(others[0])} from ${user.username}`,
    })
  }

  if (!found && options.platform === undefined) {
    throw new UsageError(`Duo has no phone ${options.number} yet, and a new phone needs its platform for Duo Mobile.`, 'Pass --platform, e.g. --platform "apple ios".')
  }

  steps.push({
    alreadyDone: found ? `Duo has ${options.number} already (${found.phone_id})` : undefined,
    id: `create:${options.number}`,
    input: {number: options.number, platform: options.platform, type: 'mobile'},
    operation: 'createphone',
    title: `Create the phone ${options.number} (${options.platform ?? found?.platform}, mobile)`,
  })
  const owners = (found?.users ?? []).filter((u) => u.user_id !== user.user_id).map((u) => u.username)
  steps.push({
    alreadyDone: user.phones.some(sameNumber) ? `${options.number} is ${user.username}'s already` : undefined,
    // The phone is named by its number: core/call.ts finds its id when the step runs, after it exists.
    id: `attach:${options.number}`,
    input: {phone_id: options.number, user_id: user.user_id},
    operation: 'associateuserphone',
    sensitive: owners.length > 0,
    title: `Attach ${options.number} to ${user.username}${owners.length > 0 ? ` (it is also ${owners.join(', ')}'s: phones are shared)` : ''}`,
  })
  const activated = found?.activated === true && user.phones.some(sameNumber)
  steps.push({
    alreadyDone: activated ? `Duo Mobile is already activated on ${options.number}` : undefined,
    id: `activation:${options.number}`,
    input: {install: '1', phone_id: options.number},
    operation: 'sendphonesmsactivation',
    sensitive: true,
    title: `Text ${options.number} a Duo Mobile activation link (with the app's install link)`,
    traceless: true,
  })
  if (options.bypassCodes) {
    const {count, validSecs} = options.bypassCodes
    steps.push({
      id: `bypass-codes:${options.number}`,
      input: {count, preserve_existing: true, user_id: user.user_id, valid_secs: validSecs},
      operation: 'createuserbypasscodes',
      sensitive: true,
      title: `Issue ${count} bypass code${count === 1 ? '' : 's'} to ${user.username} for the meantime${validSecs ? `, valid ${formatSeconds(validSecs)}` : ''}`,
      traceless: true,
    })
  }

  return {name: 'lost-phone', notes: [], steps, user: caseUser(facts)}
}
