// The flags `duo phones create` and `duo phones update` share: Duo's phone fields, from the catalog.
import {paramFlag} from './catalog-flags.js'

export const phoneFieldFlags = (operation: 'createphone' | 'updatephone') => ({
  extension: paramFlag.string(operation, 'extension'),
  name: paramFlag.string(operation, 'name'),
  number: paramFlag.string(operation, 'number'),
  platform: paramFlag.string(operation, 'platform'),
  postdelay: paramFlag.integer(operation, 'postdelay'),
  predelay: paramFlag.integer(operation, 'predelay'),
  type: paramFlag.string(operation, 'type'),
})

/** The record keys a person sees after a create or update. */
export const PHONE_SUMMARY = ['phone_id', 'number', 'extension', 'name', 'type', 'platform', 'activated', 'capabilities'] as const
