// Hardware tokens account-wide: list and look up by type and serial, create (each type with its
// secrets), get, delete, resync (Duo Admin API docs, "Tokens"; duo_client_python's admin.py).
import {type ParamSpec, op, paging, read, remove, write} from './types.js'

/** h6/h8 HOTP, t6/t8 TOTP (duo_client_python's add_totp*_token), yk YubiKey AES; d1 (Duo D-100) is imported by Duo only. */
export const tokenTypes = ['h6', 'h8', 't6', 't8', 'yk'] as const

const tokenId: ParamSpec = {description: 'The hardware token id (DH…)', name: 'token_id', required: true, type: 'string'}
const otp = (n: number): ParamSpec => ({description: `The ${['first', 'second', 'third'][n - 1]} of three consecutive codes the token shows`, name: `code${n}`, required: true, type: 'string'})

export const tokenOperations = [
  op({
    name: 'listtokens',
    method: 'GET',
    path: '/admin/v1/tokens',
    beyondCapability: true,
    description: 'List hardware tokens, one page at a time; type and serial together look up one token (0 or 1 results).',
    hints: read,
    summary: 'List hardware tokens',
    ...paging(100, 500),
    params: [
      ...paging(100, 500).params,
      // Duo lists d1 tokens too, so the filter accepts it although create does not.
      {description: 'With serial: the token type (h6, h8, t6, t8, yk, d1)', enum: [...tokenTypes, 'd1'], name: 'type', type: 'string'},
      {description: 'With type: the token\'s serial number', name: 'serial', type: 'string'},
    ],
  }),
  op({
    name: 'createtoken',
    method: 'POST',
    path: '/admin/v1/tokens',
    beyondCapability: true,
    description:
      'Create a hardware token. h6, h8, t6 and t8 need secret (hex); h6/h8 take an initial counter, t6/t8 a totp_step; yk needs private_id (12 hex) and aes_key (32 hex). Secrets are never returned.',
    hints: write,
    params: [
      {description: 'h6/h8 (HOTP, 6 or 8 digits), t6/t8 (TOTP), yk (YubiKey AES)', enum: tokenTypes, name: 'type', required: true, type: 'string'},
      {description: 'Serial number (unique per type, at most 128 characters)', name: 'serial', required: true, type: 'string'},
      {description: 'HOTP/TOTP secret, hex (required for h6, h8, t6, t8)', name: 'secret', type: 'string'},
      {default: 0, description: 'HOTP initial counter (h6, h8)', min: 0, name: 'counter', type: 'integer'},
      {default: 30, description: 'TOTP time step in seconds (t6, t8)', min: 1, name: 'totp_step', type: 'integer'},
      {description: 'YubiKey private id, 12 hex characters (required for yk)', name: 'private_id', type: 'string'},
      {description: 'YubiKey AES key, 32 hex characters (required for yk)', name: 'aes_key', type: 'string'},
    ],
    summary: 'Create hardware token',
  }),
  op({
    name: 'gettoken',
    method: 'GET',
    path: '/admin/v1/tokens/{token_id}',
    beyondCapability: true,
    description: 'Get one hardware token with the users (and administrators) using it.',
    hints: read,
    params: [],
    pathParams: [tokenId],
    summary: 'Get hardware token',
  }),
  op({
    name: 'deletetoken',
    method: 'DELETE',
    path: '/admin/v1/tokens/{token_id}',
    beyondCapability: true,
    description: 'Delete a hardware token: it is detached from every user who had it (succeeds if already gone).',
    hints: remove,
    params: [],
    pathParams: [tokenId],
    summary: 'Delete hardware token',
  }),
  op({
    name: 'resynctoken',
    method: 'POST',
    path: '/admin/v1/tokens/{token_id}/resync',
    beyondCapability: true,
    description: 'Resynchronize an HOTP token that has drifted: give three consecutive codes it shows now.',
    hints: {...write, idempotent: false},
    params: [otp(1), otp(2), otp(3)],
    pathParams: [tokenId],
    summary: 'Resync hardware token',
  }),
] as const
