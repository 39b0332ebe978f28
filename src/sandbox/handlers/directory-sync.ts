// Directory sync (Duo Admin API docs, "Users"). The sandbox has one seeded directory and no real directory
// behind it: syncing a username creates that user, or refreshes it, as if the directory held it.
import {randomUUID} from 'node:crypto'

import {notFound} from '../envelope.js'
import {userView} from '../views.js'
import {type Handler, type Handlers, nowSeconds, param} from './context.js'
import {applyUserChanges, createUser, userChanges} from './user-fields.js'

/** A plain array of {directory_key, name, directory_type} (shape from a third-party script; unconfirmed). */
const listuserdirectorysyncs: Handler = (ctx) => ({response: ctx.state.directories.map((d) => ({...d}))})

/** Returns the synced user object (Duo's response shape is unconfirmed). */
const syncdirectoryuser: Handler = (ctx) => {
  const key = ctx.path.directory_key
  if (!ctx.state.directories.some((d) => d.directory_key === key)) throw notFound(`directory ${key}`)
  const username = param(ctx, 'username')!
  const synced = nowSeconds(ctx)
  const existing = ctx.state.userByName(username)
  const user = existing ?? createUser(ctx.state, userChanges(ctx.state, {username}), synced)
  applyUserChanges(ctx.state, user, {fields: {external_id: user.external_id ?? randomUUID(), last_directory_sync: synced}})
  return {response: userView(ctx.state, user)}
}

export const directorySyncHandlers = {listuserdirectorysyncs, syncdirectoryuser} satisfies Handlers
