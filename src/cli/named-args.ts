// USER and GROUP arguments: declared once so help reads the same everywhere. The name or id typed
// is passed as the operation's user_id or group_id; core/call.ts resolves names before the call.
import {Args} from '@oclif/core'

export const userArg = Args.string({description: 'The user: a username, an alias or a user id (DU…)', required: true})
export const groupArg = Args.string({description: 'The group: its name or group id (DG…)', required: true})
