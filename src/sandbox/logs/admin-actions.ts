// The administrator log entry for each write the sandbox serves, with Duo's action names
// (duo_client_python's get_administrator_log docstring: user_create, user_update, user_delete,
// group_create, group_update, group_delete, phone_create, phone_update, phone_delete …). Names Duo
// does not document for an operation (bypass codes, enrollment) are our choice, marked below.
import type {RequestParams} from '../../core/calls.js'
import type {Operation} from '../../core/catalog/index.js'
import type {Result} from '../envelope.js'
import type {SandboxState} from '../state.js'

interface Entry {
  action: string
  object: null | string
  description: null | Record<string, unknown>
}

/** Parameters never written to a log: codes and secrets. */
const SECRET = new Set(['codes', 'password', 'skey', 'secret'])

/**
 * Called before the write (a deleted user's name must be read first); the returned function
 * records the entry once the write has succeeded. Undefined for reads and for calls that are only
 * a container of other writes (bulk), whose parts record themselves.
 */
export function adminLogEntry(state: SandboxState, now: number, operation: Operation, params: RequestParams, path: Record<string, string>): ((result: Result) => void) | undefined {
  if (operation.hints.readOnly || operation.name === 'bulkoperations' || operation.name === 'sendverificationpush') return undefined
  const user = path.user_id ? state.user(path.user_id) : undefined
  const group = path.group_id ? state.group(path.group_id) : undefined
  const changed = Object.fromEntries(Object.entries(params).filter(([k]) => !SECRET.has(k)))
  const base = (action: string, object: null | string, description: Entry['description'] = changed): Entry => ({action, description: Object.keys(description ?? {}).length > 0 ? description : null, object})
  const phoneNumber = (id: unknown) => (typeof id === 'string' ? state.phones.get(id)?.number ?? id : null)
  const entries = (result: Result): Entry[] => {
    const response = result.response as Record<string, unknown> | Array<Record<string, unknown>>
    switch (operation.name) {
      case 'createuser': {
        return [base('user_create', String((response as Record<string, unknown>).username))]
      }

      case 'bulkcreateusers': {
        return (Array.isArray(response) ? response : []).map((u) => base('user_create', String(u.username), {realname: u.realname}))
      }

      case 'deleteuser': {
        return user ? [base('user_delete', user.username, null)] : []
      }

      case 'creategroup': {
        return [base('group_create', String((response as Record<string, unknown>).name))]
      }

      case 'updategroup':
      case 'deletegroup': {
        return [base(operation.name === 'updategroup' ? 'group_update' : 'group_delete', group?.name ?? path.group_id)]
      }

      case 'associateuserphone':
      case 'disassociateuserphone': {
        const attach = operation.name === 'associateuserphone'
        return [base('phone_update', phoneNumber(params.phone_id), {user: user?.username, [attach ? 'attached' : 'detached']: true})]
      }

      case 'associateusergroup':
      case 'disassociateusergroup': {
        const name = state.group(String(params.group_id))?.name ?? params.group_id
        return [base('user_update', user?.username ?? null, operation.name === 'associateusergroup' ? {group_added: name} : {group_removed: name})]
      }

      case 'createuserbypasscodes': {
        // "bypass_create" is our name: Duo's docs do not list the action for bypass codes.
        return [base('bypass_create', user?.username ?? null, {count: Array.isArray(response) ? response.length : undefined})]
      }

      case 'enrolluser': {
        // Our name for the enrollment e-mail (unconfirmed in Duo's docs).
        return [base('user_enroll', String(params.username), {email: params.email})]
      }

      case 'bulksenduserstotrash':
      case 'bulkrestoreusers': {
        const status = operation.name === 'bulkrestoreusers' ? 'Active' : 'Pending Deletion'
        const ids = JSON.parse(String(params.user_id_list)) as string[]
        return ids.map((id) => base('user_update', state.user(id)?.username ?? id, {status}))
      }

      default: {
        // Everything else (and operations added later): the resource it touched, Duo-style verb_noun
        // where the name gives it, else the operation's name.
        const object = user?.username ?? group?.name ?? phoneNumber(path.phone_id) ?? null
        return [base(user ? 'user_update' : group ? 'group_update' : path.phone_id ? 'phone_update' : operation.name, object)]
      }
    }
  }

  return (result) => {
    for (const entry of entries(result)) state.logs.recordAdmin(now, entry.action, entry.object, entry.description)
  }
}
