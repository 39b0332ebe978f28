// Groups (Duo Admin API docs, "Groups"): list, create, modify, get (v2) and members (v2).
import {invalidParams, paginate, wholeList} from '../envelope.js'
import type {GroupRecord} from '../records.js'
import type {SandboxState} from '../state.js'
import {groupView} from '../views.js'
import {type Handler, type Handlers, listParam, param} from './context.js'

const listgroups: Handler = (ctx) => {
  const ids = listParam(ctx, 'group_id_list')
  if (!ids) return paginate(ctx.state.groups, ctx.params, ctx.operation.paging!, groupView)
  // Like the users' id lists, the whole answer in one page ([CS]); unknown ids are left out.
  return wholeList(ids.map((id) => ctx.state.group(id)).filter((g): g is GroupRecord => g !== undefined).map(groupView))
}

const creategroup: Handler = (ctx) => {
  const name = param(ctx, 'name')!
  checkNameFree(ctx.state, name)
  const group: GroupRecord = {
    desc: param(ctx, 'desc') ?? '',
    group_id: ctx.state.newId('DG'),
    mobile_otp_enabled: true,
    name,
    push_enabled: true,
    sms_enabled: true,
    status: (param(ctx, 'status') as GroupRecord['status'] | undefined) ?? 'active',
    voice_enabled: true,
  }
  ctx.state.addGroup(group)
  return {response: groupView(group)}
}

const updategroup: Handler = (ctx) => {
  const group = ctx.state.requireGroup(ctx.path.group_id)
  const name = param(ctx, 'name')
  if (name !== undefined) checkNameFree(ctx.state, name, group)
  Object.assign(group, {
    desc: param(ctx, 'desc') ?? group.desc,
    name: name ?? group.name,
    status: param(ctx, 'status') ?? group.status,
  })
  return {response: groupView(group)}
}

const getgroupv2: Handler = (ctx) => ({response: groupView(ctx.state.requireGroup(ctx.path.group_id))})

/** Minimal member entries: user_id and username (the exact field list is unconfirmed). */
const listgroupusersv2: Handler = (ctx) => {
  const {group_id: groupId} = ctx.state.requireGroup(ctx.path.group_id)
  const members = ctx.state.users.filter((u) => u.group_ids.includes(groupId))
  return paginate(members, ctx.params, ctx.operation.paging!, (u) => ({user_id: u.user_id, username: u.username}))
}

/** Group names are kept unique (case-insensitively); whether Duo insists is unconfirmed. */
function checkNameFree(state: SandboxState, name: string, self?: GroupRecord): void {
  const lower = name.toLowerCase()
  if (state.groups.some((g) => g !== self && g.name.toLowerCase() === lower)) throw invalidParams(`name "${name}" is already a group's name`)
}

export const groupHandlers = {creategroup, getgroupv2, listgroups, listgroupusersv2, updategroup} satisfies Handlers
