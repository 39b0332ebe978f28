// /admin/v1/bulk (Duo Admin API docs, "Bulk Operations"): several user operations in one call.
import {op, write} from './types.js'

export const bulkOperations = [
  op({
    name: 'bulkoperations',
    method: 'POST',
    path: '/admin/v1/bulk',
    description:
      'Run up to 50 user operations in one call. Each is {method, path, body}: POST /admin/v1/users (create), POST /admin/v1/users/{id} (modify), DELETE /admin/v1/users/{id}, POST /admin/v1/users/{id}/groups (add to group), DELETE /admin/v1/users/{id}/groups/{group_id}.',
    hintCorrection: {
      reason: 'Its operations may delete users and remove group memberships: treated as destructive, like those calls on their own.',
      seed: {destructive: false},
    },
    hints: {...write, destructive: true},
    jsonBody: true,
    params: [
      {
        description: 'The operations: [{"method": "POST", "path": "/admin/v1/users", "body": {"username": "x"}}, …] (at most 50)',
        // 50 is third-party (third-party, unconfirmed by Duo's docs); we keep to it.
        maxItems: 50,
        name: 'operations',
        required: true,
        type: 'operations',
      },
    ],
    summary: 'Bulk operations',
  }),
] as const
