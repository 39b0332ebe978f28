// The flags of `duo users create` and `update`: one per user field of the catalog (Duo Admin API docs, "Users"),
// with the catalog's help and allowed statuses.
import {paramFlag} from './catalog-flags.js'

export function userFieldFlags(operation: 'createuser' | 'updateuser') {
  // --aliases with --aliasN is refused by the catalog's check (core/params) before anything is sent;
  // declared to oclif too, its usage line showed empty choices ("[--alias2 <value> | ]").
  const text = (name: string) => paramFlag.string(operation, name)
  return {
    alias1: text('alias1'),
    alias2: text('alias2'),
    alias3: text('alias3'),
    alias4: text('alias4'),
    aliases: text('aliases'),
    email: text('email'),
    // --no-enable-auto-prompt too: turning it off is a change worth sending.
    'enable-auto-prompt': {...paramFlag.boolean(operation, 'enable_auto_prompt'), allowNo: true},
    firstname: text('firstname'),
    lastname: text('lastname'),
    notes: text('notes'),
    realname: text('realname'),
    status: text('status'),
    username: text('username'),
  }
}
