// Authenticators account-wide: WebAuthn credentials, legacy U2F tokens (and one user's), and Duo
// Desktop authenticators (Duo Admin API docs, "WebAuthn Credentials", "Desktop Authenticators";
// duo_client_python for U2F, duo_api_ruby for the desktop_authenticators spelling).
import {type ParamSpec, op, paging, read, remove, userId} from './types.js'

const webauthnKey: ParamSpec = {description: 'The WebAuthn credential\'s key (webauthnkey)', name: 'webauthnkey', required: true, type: 'string'}
const registrationId: ParamSpec = {description: 'The U2F token\'s registration_id', name: 'registration_id', required: true, type: 'string'}
const daKey: ParamSpec = {description: 'The desktop authenticator\'s key (dakey)', name: 'dakey', required: true, type: 'string'}

export const authenticatorOperations = [
  op({
    name: 'listwebauthncredentials',
    method: 'GET',
    path: '/admin/v1/webauthncredentials',
    beyondCapability: true,
    description: 'List every WebAuthn credential (security keys, passkeys, platform authenticators) in the account.',
    hints: read,
    summary: 'List WebAuthn credentials',
    ...paging(100, 500),
  }),
  op({
    name: 'getwebauthncredential',
    method: 'GET',
    path: '/admin/v1/webauthncredentials/{webauthnkey}',
    beyondCapability: true,
    description: 'Get one WebAuthn credential and the user (or administrator) it belongs to.',
    hints: read,
    params: [],
    pathParams: [webauthnKey],
    summary: 'Get WebAuthn credential',
  }),
  op({
    name: 'deletewebauthncredential',
    method: 'DELETE',
    path: '/admin/v1/webauthncredentials/{webauthnkey}',
    beyondCapability: true,
    description: 'Delete a WebAuthn credential: its owner can no longer log in with it (succeeds if already gone).',
    hints: remove,
    params: [],
    pathParams: [webauthnKey],
    summary: 'Delete WebAuthn credential',
  }),
  op({
    name: 'listu2ftokens',
    method: 'GET',
    path: '/admin/v1/u2ftokens',
    beyondCapability: true,
    description: 'List legacy U2F tokens (WebAuthn supersedes U2F).',
    hints: read,
    summary: 'List U2F tokens',
    // Max unconfirmed: the official clients page it with limit 100; 500 as for the other device lists.
    ...paging(100, 500),
  }),
  op({
    name: 'getu2ftoken',
    method: 'GET',
    path: '/admin/v1/u2ftokens/{registration_id}',
    beyondCapability: true,
    description: 'Get one legacy U2F token and its user.',
    hints: read,
    params: [],
    pathParams: [registrationId],
    summary: 'Get U2F token',
  }),
  op({
    name: 'deleteu2ftoken',
    method: 'DELETE',
    path: '/admin/v1/u2ftokens/{registration_id}',
    beyondCapability: true,
    description: 'Delete a legacy U2F token: its user can no longer log in with it (succeeds if already gone).',
    hints: remove,
    params: [],
    pathParams: [registrationId],
    summary: 'Delete U2F token',
  }),
  op({
    name: 'listuseru2ftokens',
    method: 'GET',
    path: '/admin/v1/users/{user_id}/u2ftokens',
    beyondCapability: true,
    description: 'List a user\'s legacy U2F tokens.',
    hints: read,
    pathParams: [userId],
    summary: 'List U2F tokens for user',
    ...paging(100, 500),
  }),
  op({
    name: 'listdesktopauthenticators',
    method: 'GET',
    // With an underscore account-wide, without one under a user (duo_api_ruby, Duo's Postman collection).
    path: '/admin/v1/desktop_authenticators',
    beyondCapability: true,
    description: 'List every Duo Desktop authenticator in the account.',
    hints: read,
    summary: 'List desktop authenticators',
    // Defaults unconfirmed (Duo documents limit and offset without values): 100 and 500 as elsewhere.
    ...paging(100, 500),
  }),
  op({
    name: 'getdesktopauthenticator',
    method: 'GET',
    path: '/admin/v1/desktop_authenticators/{dakey}',
    beyondCapability: true,
    description: 'Get one Duo Desktop authenticator and its user.',
    hints: read,
    params: [],
    pathParams: [daKey],
    summary: 'Get desktop authenticator',
  }),
  op({
    name: 'deletedesktopauthenticator',
    method: 'DELETE',
    path: '/admin/v1/desktop_authenticators/{dakey}',
    beyondCapability: true,
    description: 'Delete a Duo Desktop authenticator: its user can no longer log in with it from that device.',
    hints: remove,
    params: [],
    pathParams: [daKey],
    summary: 'Delete desktop authenticator',
  }),
] as const
