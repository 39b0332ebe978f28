// Phones account-wide (Duo Admin API docs, "Phones"): list or look up by number, create, modify,
// delete (detaching it from every user), Duo Mobile activation links and the SMS sends.
import {invalidParams, notFound, paginate} from '../envelope.js'
import {randomString} from '../ids.js'
import type {PhoneRecord, SmsSent} from '../records.js'
import type {SandboxState} from '../state.js'
import {phoneWithUsers} from '../views.js'
import {type Handler, type HandlerContext, type Handlers, param} from './context.js'

/** Duo answers in title case what it takes in lowercase (Duo Admin API docs, "Phones"). */
const TYPE_TITLES: Record<string, PhoneRecord['type']> = {landline: 'Landline', mobile: 'Mobile', unknown: 'Unknown'}
// The casing of the rarer platforms is unconfirmed; these follow Duo's own product names.
const PLATFORM_TITLES: Record<string, string> = {
  'apple ios': 'Apple iOS',
  'generic smartphone': 'Generic Smartphone',
  'google android': 'Google Android',
  'java j2me': 'Java J2ME',
  'palm webos': 'Palm WebOS',
  'rim blackberry': 'RIM Blackberry',
  'symbian os': 'Symbian OS',
  unknown: 'Unknown',
  'windows mobile': 'Windows Mobile',
  'windows phone': 'Windows Phone',
  'windows phone 7': 'Windows Phone',
}

/** The activation link's path segment per platform: iphone and android are Duo's; the others are a guess (unconfirmed). */
const ACTIVATION_PATHS: Record<string, string> = {'Apple iOS': 'iphone', 'Google Android': 'android', 'Windows Phone': 'winphone'}

const DEFAULT_VALID_SECS = 86_400
// Duo's default texts are not documented; these carry the placeholders Duo fills in.
const DEFAULT_ACTIVATION_MSG = 'To activate Duo Mobile, tap this link: <acturl>'
const DEFAULT_INSTALLATION_MSG = 'Install Duo Mobile from your app store: <insturl>'

/**
 * Duo's number normalization (Duo Admin API docs, "Phones"): spaces, dashes, dots and brackets
 * dropped; no leading + means a US number, so +1 is added. "" is a tablet (no number).
 */
export function normalizeNumber(input: string): string {
  const compact = input.replaceAll(/[\s().-]/g, '')
  if (compact === '') return ''
  const e164 = compact.startsWith('+') ? compact : `+1${compact}`
  if (!/^\+\d{4,15}$/.test(e164)) throw invalidParams(`number "${input}" is not a phone number (use E.164, e.g. +15555550100)`)
  return e164
}

/**
 * What a phone can do (Duo Admin API docs, "Phones"; the rule is inferred from Duo's fixtures):
 * a number takes calls, a mobile one texts too; an activated smartphone adds push and passcodes,
 * and "auto" goes with push or calls.
 */
function capabilities(phone: PhoneRecord): string[] {
  const caps: string[] = []
  const smartphone = phone.platform !== 'Unknown'
  if (phone.activated && smartphone) caps.push('push')
  if (phone.number !== '' && phone.type !== 'Landline') caps.push('sms')
  if (phone.number !== '') caps.push('phone')
  if (phone.activated && smartphone) caps.push('mobile_otp')
  return caps.includes('push') || caps.includes('phone') ? ['auto', ...caps] : caps
}

const requirePhone = (state: SandboxState, id: string): PhoneRecord => {
  const phone = state.phones.get(id)
  if (!phone) throw notFound(`phone ${id}`)
  return phone
}

const view = (ctx: HandlerContext, phone: PhoneRecord) => phoneWithUsers(ctx.state, phone, ctx.state.phoneUsers(phone.phone_id))

/** The fields a create or modify sets, in the stored (title-case) form. */
function changes(ctx: HandlerContext): Partial<PhoneRecord> {
  const out: Partial<PhoneRecord> = {}
  const number = param(ctx, 'number')
  if (number !== undefined) out.number = normalizeNumber(number)
  for (const key of ['name', 'extension'] as const) {
    const value = param(ctx, key)
    if (value !== undefined) out[key] = value
  }

  const type = param(ctx, 'type')
  if (type !== undefined) out.type = TYPE_TITLES[type.toLowerCase()]
  const platform = param(ctx, 'platform')
  if (platform !== undefined) out.platform = PLATFORM_TITLES[platform.toLowerCase()]
  for (const key of ['predelay', 'postdelay'] as const) {
    const value = param(ctx, key)
    if (value !== undefined) out[key] = value
  }

  return out
}

const listphones: Handler = (ctx) => {
  const number = param(ctx, 'number')
  const extension = param(ctx, 'extension')
  let phones = [...ctx.state.phones.values()]
  // With number (and maybe extension): the matching phone, as a list of 0 or 1 (duo_client_python's get_phones_by_number).
  if (number !== undefined) {
    const wanted = normalizeNumber(number)
    phones = phones.filter((p) => p.number === wanted && (extension === undefined || p.extension === extension))
  } else if (extension !== undefined) {
    throw invalidParams('extension is only meaningful with number')
  }

  const owners = ctx.state.usersByPhone()
  return paginate(phones, ctx.params, ctx.operation.paging!, (phone) => phoneWithUsers(ctx.state, phone, owners.get(phone.phone_id) ?? []))
}

const createphone: Handler = (ctx) => {
  const phone: PhoneRecord = {
    activated: false,
    capabilities: [],
    encrypted: '',
    extension: '',
    fingerprint: '',
    last_seen: null,
    model: 'Unknown',
    name: '',
    number: '',
    phone_id: ctx.state.newId('DP'),
    platform: 'Unknown',
    postdelay: null,
    predelay: null,
    screenlock: '',
    sms_passcodes_sent: false,
    tampered: '',
    type: 'Unknown',
    ...changes(ctx),
  }
  phone.capabilities = capabilities(phone)
  ctx.state.phones.set(phone.phone_id, phone)
  return {response: view(ctx, phone)}
}

const updatephone: Handler = (ctx) => {
  const phone = requirePhone(ctx.state, ctx.path.phone_id)
  Object.assign(phone, changes(ctx))
  phone.capabilities = capabilities(phone)
  return {response: view(ctx, phone)}
}

/** 200 and "" even when the phone is already gone (duo_client_python: deleting again "does nothing"). */
const deletephone: Handler = (ctx) => {
  ctx.state.deletePhone(ctx.path.phone_id)
  return {response: ''}
}

/** Activation needs a known type and platform (Duo refuses Unknown); the 400 code is unconfirmed. */
function activatable(ctx: HandlerContext): PhoneRecord {
  const phone = requirePhone(ctx.state, ctx.path.phone_id)
  if (phone.type === 'Unknown' || phone.platform === 'Unknown') {
    throw invalidParams(`phone ${phone.phone_id}: its type or platform is Unknown; set them first (e.g. type mobile, platform apple ios)`)
  }

  return phone
}

/** The sandbox's stand-in for the account's host id, from the integration key. */
const hostId = (state: SandboxState) => state.ikey.slice(2, 10).toLowerCase()

/**
 * A fresh activation code: the phone's current Duo Mobile credentials stop working, so the phone is
 * no longer activated until the person uses the new link (the sandbox's reading of Duo's warning).
 */
function newActivation(ctx: HandlerContext, phone: PhoneRecord) {
  const host = hostId(ctx.state)
  const code = randomString(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')
  const value = `duo://${code}-${Buffer.from(`api-${host}.duosecurity.com`).toString('base64url')}`
  phone.activated = false
  phone.capabilities = capabilities(phone)
  return {
    activation_barcode: `https://api-${host}.duosecurity.com/frame/qr?value=${encodeURIComponent(value)}`,
    activation_url: `https://m-${host}.duosecurity.com/${ACTIVATION_PATHS[phone.platform] ?? 'activate'}/${code}`,
    installation_url: `https://m-${host}.duosecurity.com`,
    valid_secs: Number(param(ctx, 'valid_secs') ?? DEFAULT_VALID_SECS),
  }
}

function requireText(ctx: HandlerContext, name: string, placeholder: string, fallback: string): string {
  const text = param(ctx, name) ?? fallback
  if (!text.includes(placeholder)) throw invalidParams(`${name} must contain ${placeholder}`)
  return text
}

function sms(ctx: HandlerContext, phone: PhoneRecord, purpose: SmsSent['purpose'], message?: string): void {
  ctx.state.smsSent({...(message === undefined ? {} : {message}), number: phone.number, phone_id: phone.phone_id, purpose, time_ms: ctx.now()})
}

function textable(phone: PhoneRecord): PhoneRecord {
  if (!phone.capabilities.includes('sms')) throw invalidParams(`phone ${phone.phone_id} cannot receive text messages`)
  return phone
}

const createphoneactivationurl: Handler = (ctx) => {
  const {installation_url: installationUrl, ...activation} = newActivation(ctx, activatable(ctx))
  return {response: param(ctx, 'install') === '1' ? {...activation, installation_url: installationUrl} : activation}
}

const sendphonesmsactivation: Handler = (ctx) => {
  const phone = textable(activatable(ctx))
  const install = param(ctx, 'install') === '1'
  const installationMsg = install ? requireText(ctx, 'installation_msg', '<insturl>', DEFAULT_INSTALLATION_MSG) : undefined
  if (!install && param(ctx, 'installation_msg') !== undefined) throw invalidParams('installation_msg is only sent with install=1')
  const template = requireText(ctx, 'activation_msg', '<acturl>', DEFAULT_ACTIVATION_MSG)
  const activation = newActivation(ctx, phone)
  const response: Record<string, unknown> = {
    activation_barcode: activation.activation_barcode,
    activation_msg: template.replaceAll('<acturl>', activation.activation_url),
    valid_secs: activation.valid_secs,
  }
  if (installationMsg !== undefined) {
    response.installation_msg = installationMsg.replaceAll('<insturl>', activation.installation_url)
    sms(ctx, phone, 'installation', response.installation_msg as string)
  }

  sms(ctx, phone, 'activation', response.activation_msg as string)
  return {response}
}

const sendphonesmsinstallation: Handler = (ctx) => {
  const phone = textable(activatable(ctx))
  const text = requireText(ctx, 'installation_msg', '<insturl>', DEFAULT_INSTALLATION_MSG)
  const installationMsg = text.replaceAll('<insturl>', `https://m-${hostId(ctx.state)}.duosecurity.com`)
  sms(ctx, phone, 'installation', installationMsg)
  return {response: {installation_msg: installationMsg}}
}

/** Duo's answer has no documented payload; "" as for its other calls without one (unconfirmed). */
const sendphonesmspasscodes: Handler = (ctx) => {
  const phone = textable(requirePhone(ctx.state, ctx.path.phone_id))
  phone.sms_passcodes_sent = true
  sms(ctx, phone, 'passcodes')
  return {response: ''}
}

const getphone: Handler = (ctx) => ({response: view(ctx, requirePhone(ctx.state, ctx.path.phone_id))})

export const phoneHandlers = {
  createphone,
  createphoneactivationurl,
  deletephone,
  getphone,
  listphones,
  sendphonesmsactivation,
  sendphonesmsinstallation,
  sendphonesmspasscodes,
  updatephone,
} satisfies Handlers
