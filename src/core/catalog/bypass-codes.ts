// Bypass codes account-wide: metadata only, since Duo never returns a code after creating it
// (Duo Admin API docs, "Bypass Codes"). Creating them stays per user (createuserbypasscodes).
import {type ParamSpec, op, paging, read, remove} from './types.js'

const bypassCodeId: ParamSpec = {description: 'The bypass code\'s id (bypass_code_id)', name: 'bypass_code_id', required: true, type: 'string'}

export const bypassCodeOperations = [
  op({
    name: 'listbypasscodes',
    method: 'GET',
    path: '/admin/v1/bypass_codes',
    beyondCapability: true,
    description: 'List every bypass code in the account: who has it, when it expires, uses left. Never the codes themselves.',
    hints: read,
    summary: 'List bypass codes',
    ...paging(100, 500),
  }),
  op({
    name: 'getbypasscode',
    method: 'GET',
    path: '/admin/v1/bypass_codes/{bypass_code_id}',
    beyondCapability: true,
    description: 'Get one bypass code\'s metadata (never the code).',
    hints: read,
    params: [],
    pathParams: [bypassCodeId],
    summary: 'Get bypass code',
  }),
  op({
    name: 'deletebypasscode',
    method: 'DELETE',
    path: '/admin/v1/bypass_codes/{bypass_code_id}',
    beyondCapability: true,
    description: 'Delete a bypass code: it stops working at once (succeeds if already gone).',
    hints: remove,
    params: [],
    pathParams: [bypassCodeId],
    summary: 'Delete bypass code',
  }),
] as const
