// Phones account-wide: list and look up by number, create, modify, delete, and the Duo Mobile
// activation and SMS sends (Duo Admin API docs, "Phones"; duo_client_python's admin.py).
import {type ParamSpec, op, paging, read, remove, write} from './types.js'

/** Request values are lowercase; Duo answers in title case (Mobile, Apple iOS). */
export const phoneTypes = ['unknown', 'mobile', 'landline'] as const
export const phonePlatforms = [
  'unknown',
  'google android',
  'apple ios',
  'windows phone 7',
  'windows phone',
  'rim blackberry',
  'java j2me',
  'palm webos',
  'symbian os',
  'windows mobile',
  'generic smartphone',
] as const

export const phoneId: ParamSpec = {
  description: 'The phone: a phone id (DP…), or its number',
  name: 'phone_id',
  names: 'phone',
  required: true,
  type: 'string',
}

/** Create and modify take the same optional fields (duo_client_python add_phone, update_phone). */
const phoneFields: ParamSpec[] = [
  {description: 'Phone number, E.164 (+15555550100); without a leading + Duo assumes +1', name: 'number', type: 'string'},
  {description: 'A label for the phone', name: 'name', type: 'string'},
  {description: 'Extension to dial after the number', name: 'extension', type: 'string'},
  {description: 'mobile, landline or unknown', enum: phoneTypes, name: 'type', type: 'string'},
  {
    description: 'The smartphone platform; generic smartphone when Duo Mobile will be installed but the platform is not known',
    enum: phonePlatforms,
    name: 'platform',
    type: 'string',
  },
  {description: 'Seconds to wait after the call is answered before dialling the extension', min: 0, name: 'predelay', type: 'integer'},
  {description: 'Seconds to wait after the extension before the prompt', min: 0, name: 'postdelay', type: 'integer'},
]

const validSecs: ParamSpec = {
  default: 86_400,
  description: 'Seconds the activation stays valid (default 1 day)',
  min: 1,
  name: 'valid_secs',
  type: 'integer',
}

// Duo documents install as 1 or 0 (not true/false), so it is a 0-1 integer here.
const install: ParamSpec = {default: 0, description: '1 to include a Duo Mobile installation link as well', max: 1, min: 0, name: 'install', type: 'integer'}

const smsReason = 'It sends a text message to a real person\'s phone: confirmed before sending.'
const activationReason =
  'A new activation invalidates the phone\'s existing Duo Mobile credentials (the person must reactivate), so it is confirmed.'

export const phoneOperations = [
  op({
    name: 'listphones',
    method: 'GET',
    path: '/admin/v1/phones',
    beyondCapability: true,
    description: 'List phones, one page at a time; number (with extension) looks up the phone with that number (0 or 1 results).',
    hints: read,
    summary: 'List phones',
    ...paging(100, 500),
    params: [
      ...paging(100, 500).params,
      {description: 'Return only the phone with this number (E.164)', name: 'number', type: 'string'},
      {description: 'With number: the phone with this extension', name: 'extension', type: 'string'},
    ],
  }),
  op({
    name: 'createphone',
    method: 'POST',
    path: '/admin/v1/phones',
    beyondCapability: true,
    description: 'Create a phone (not yet attached to anyone; attach it with associateuserphone). A new phone is not activated.',
    hints: write,
    params: phoneFields,
    summary: 'Create phone',
  }),
  op({
    name: 'getphone',
    method: 'GET',
    path: '/admin/v1/phones/{phone_id}',
    beyondCapability: true,
    description: 'Get one phone with the users it is attached to.',
    hints: read,
    params: [],
    pathParams: [phoneId],
    summary: 'Get phone',
  }),
  op({
    name: 'updatephone',
    method: 'POST',
    path: '/admin/v1/phones/{phone_id}',
    beyondCapability: true,
    description: 'Change a phone\'s number, name, extension, type, platform or call delays. Every field is optional.',
    hints: write,
    params: phoneFields,
    pathParams: [phoneId],
    summary: 'Modify phone',
  }),
  op({
    name: 'deletephone',
    method: 'DELETE',
    path: '/admin/v1/phones/{phone_id}',
    beyondCapability: true,
    description: 'Delete a phone: it is detached from every user who had it, who can no longer log in with it.',
    hints: remove,
    params: [],
    pathParams: [phoneId],
    summary: 'Delete phone',
  }),
  op({
    name: 'createphoneactivationurl',
    method: 'POST',
    path: '/admin/v1/phones/{phone_id}/activation_url',
    beyondCapability: true,
    description:
      'Make a Duo Mobile activation link (and a QR code image URL) for a smartphone; the phone\'s old Duo Mobile credentials stop working. Fails for a phone whose type or platform is unknown.',
    hintCorrection: {reason: activationReason, seed: {}},
    hints: write,
    needsConfirmation: true,
    params: [validSecs, install],
    pathParams: [phoneId],
    summary: 'Create Duo Mobile activation URL',
  }),
  op({
    name: 'sendphonesmsactivation',
    method: 'POST',
    path: '/admin/v1/phones/{phone_id}/send_sms_activation',
    beyondCapability: true,
    description:
      'Text the phone a Duo Mobile activation link (with install=1, an installation link first); the phone\'s old Duo Mobile credentials stop working.',
    hintCorrection: {reason: `${smsReason} ${activationReason}`, seed: {}},
    hints: write,
    needsConfirmation: true,
    params: [
      validSecs,
      {...install, description: '1 to text a Duo Mobile installation link before the activation link'},
      {description: 'The installation text (with install=1); must contain <insturl>', name: 'installation_msg', type: 'string'},
      {description: 'The activation text; must contain <acturl>', name: 'activation_msg', type: 'string'},
    ],
    pathParams: [phoneId],
    summary: 'Send Duo Mobile activation SMS',
  }),
  op({
    name: 'sendphonesmsinstallation',
    method: 'POST',
    path: '/admin/v1/phones/{phone_id}/send_sms_installation',
    beyondCapability: true,
    description: 'Text the phone a link to install Duo Mobile.',
    hintCorrection: {reason: smsReason, seed: {}},
    hints: write,
    needsConfirmation: true,
    params: [{description: 'The text to send; must contain <insturl> (keep it under 80 characters)', name: 'installation_msg', type: 'string'}],
    pathParams: [phoneId],
    summary: 'Send Duo Mobile installation SMS',
  }),
  op({
    name: 'sendphonesmspasscodes',
    method: 'POST',
    path: '/admin/v1/phones/{phone_id}/send_sms_passcodes',
    beyondCapability: true,
    description: 'Text the phone a new batch of SMS passcodes (the previous batch stops working).',
    hintCorrection: {reason: smsReason, seed: {}},
    hints: write,
    needsConfirmation: true,
    params: [],
    pathParams: [phoneId],
    summary: 'Send SMS passcodes',
  }),
] as const
