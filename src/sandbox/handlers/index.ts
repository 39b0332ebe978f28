// Every catalog operation's handler, by operation name.
import {bulkUserHandlers} from './bulk-users.js'
import {bulkHandlers} from './bulk.js'
import {bypassCodeHandlers} from './bypass-codes.js'
import type {Handler} from './context.js'
import {directorySyncHandlers} from './directory-sync.js'
import {groupHandlers} from './groups.js'
import {userDeviceHandlers} from './user-devices.js'
import {userHandlers} from './users.js'
import {verifyPushHandlers} from './verify-push.js'

export const handlers: Readonly<Record<string, Handler>> = {
  ...userHandlers,
  ...bulkUserHandlers,
  ...userDeviceHandlers,
  ...bypassCodeHandlers,
  ...directorySyncHandlers,
  ...verifyPushHandlers,
  ...groupHandlers,
  ...bulkHandlers,
}
