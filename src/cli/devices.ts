// The account-wide devices as the get/delete commands show and confirm them (device-command.ts).
import type {Device} from './device-command.js'

export const phoneDevice: Device = {
  get: 'getphone',
  keys: [
    'phone_id', 'number', 'extension', 'name', 'type', 'platform', 'model', 'activated', 'capabilities', 'sms_passcodes_sent',
    'last_seen', 'users', 'encrypted', 'fingerprint', 'screenlock', 'tampered',
  ],
  noun: 'phone',
  param: 'phone_id',
  remove: 'deletephone',
  removal: (id) => `Delete phone ${id}? It is detached from everyone who has it; they can no longer log in with it.`,
}

export const tokenDevice: Device = {
  get: 'gettoken',
  keys: ['token_id', 'type', 'serial', 'totp_step', 'users', 'admins'],
  noun: 'hardware token',
  param: 'token_id',
  remove: 'deletetoken',
  removal: (id) => `Delete hardware token ${id}? It is detached from everyone who has it; they can no longer log in with it.`,
}

export const webauthnDevice: Device = {
  get: 'getwebauthncredential',
  keys: [
    'webauthnkey', 'credential_name', 'label', 'registered_as', 'user', 'admin', 'date_added', 'date_last_used', 'passwordless_authorized',
    'backup_eligible', 'backup_status', 'uv_capable', 'transports', 'aaguid',
  ],
  noun: 'WebAuthn credential',
  param: 'webauthnkey',
  remove: 'deletewebauthncredential',
  removal: (id) => `Delete WebAuthn credential ${id}? Its owner can no longer log in with it and must register it again.`,
}

export const desktopAuthenticatorDevice: Device = {
  get: 'getdesktopauthenticator',
  keys: ['dakey', 'daid', 'device_name', 'os_family', 'duo_desktop_version', 'user'],
  noun: 'desktop authenticator',
  param: 'dakey',
  remove: 'deletedesktopauthenticator',
  removal: (id) => `Delete desktop authenticator ${id}? Its user can no longer log in with it from that device.`,
}

export const bypassCodeDevice: Device = {
  get: 'getbypasscode',
  keys: ['bypass_code_id', 'user', 'created', 'expiration', 'reuse_count', 'admin_email'],
  noun: 'bypass code',
  param: 'bypass_code_id',
  remove: 'deletebypasscode',
  removal: (id) => `Delete bypass code ${id}? It stops working at once.`,
}
