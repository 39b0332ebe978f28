// Groups (Duo Admin API docs, "Groups"): list, create, modify, get (v2) and members (v2).
import {type ParamSpec, groupId, op, paging, read, userStatus, write} from './types.js'

const groupFields = (nameRequired: boolean): ParamSpec[] => [
  {description: 'Group name', name: 'name', required: nameRequired, type: 'string'},
  {description: 'Description', name: 'desc', type: 'string'},
  {
    description: 'active: members get Duo; bypass: members skip two-factor; disabled: members are denied',
    enum: userStatus,
    name: 'status',
    type: 'string',
  },
  // The legacy push_enabled/sms_enabled/… flags are left out: the Python client marks them legacy
  // and Duo ignores them on accounts using policies.
]

export const groupOperations = [
  op({
    name: 'listgroups',
    method: 'GET',
    path: '/admin/v1/groups',
    description: 'List groups, one page at a time; group_id_list fetches up to 100 by id.',
    hints: read,
    summary: 'List groups',
    // Max 500 per Postman, 100 per the C# docs (Duo Admin API docs, "Response Paging"): 100 is safe for both.
    ...paging(100, 100),
    params: [
      ...paging(100, 100).params,
      {description: 'Return these groups by id (at most 100)', maxItems: 100, name: 'group_id_list', type: 'id-list'},
    ],
  }),
  op({
    name: 'creategroup',
    method: 'POST',
    path: '/admin/v1/groups',
    description: 'Create a group.',
    hints: write,
    params: groupFields(true),
    summary: 'Create group',
  }),
  op({
    name: 'updategroup',
    method: 'POST',
    path: '/admin/v1/groups/{group_id}',
    description: 'Change a group\'s name, description or status.',
    hints: write,
    params: groupFields(false),
    pathParams: [groupId],
    summary: 'Update group',
  }),
  op({
    name: 'getgroupv2',
    method: 'GET',
    path: '/admin/v2/groups/{group_id}',
    description: 'Get one group.',
    hints: read,
    params: [],
    pathParams: [groupId],
    summary: 'Get group (v2)',
  }),
  op({
    name: 'listgroupusersv2',
    method: 'GET',
    path: '/admin/v2/groups/{group_id}/users',
    description: 'List the members of a group (user_id and username of each).',
    hints: read,
    pathParams: [groupId],
    summary: 'List group users (v2)',
    ...paging(100, 500),
  }),
] as const
