// Every catalog operation's handler, by operation name: the type asks for one per operation, so an
// operation added to the catalog without a handler does not compile.
import {accountHandlers} from './account.js'
import {accountBypassCodeHandlers} from './account-bypass-codes.js'
import {accountsHandlers} from './accounts.js'
import {authenticatorHandlers} from './authenticators.js'
import {billingHandlers} from './billing.js'
import {bulkUserHandlers} from './bulk-users.js'
import {bulkHandlers} from './bulk.js'
import {bypassCodeHandlers} from './bypass-codes.js'
import type {Handler} from './context.js'
import type {OperationName} from '../../core/catalog/index.js'
import {directorySyncHandlers} from './directory-sync.js'
import {groupHandlers} from './groups.js'
import {phoneHandlers} from './phones.js'
import {tokenHandlers} from './tokens.js'
import {logHandlers} from './logs.js'
import {userDeviceHandlers} from './user-devices.js'
import {userHandlers} from './users.js'
import {verifyPushHandlers} from './verify-push.js'

export const handlers: Readonly<Record<OperationName, Handler>> = {
  ...userHandlers,
  ...bulkUserHandlers,
  ...userDeviceHandlers,
  ...bypassCodeHandlers,
  ...directorySyncHandlers,
  ...verifyPushHandlers,
  ...groupHandlers,
  ...bulkHandlers,
  ...phoneHandlers,
  ...tokenHandlers,
  ...authenticatorHandlers,
  ...accountBypassCodeHandlers,
  ...accountHandlers,
  ...logHandlers,
  ...accountsHandlers,
  ...billingHandlers,
}
