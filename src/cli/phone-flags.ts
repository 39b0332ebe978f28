// The flags `duo phones create` and `duo phones update` share: Duo's phone fields, from the catalog;
// and the question for a new phone's platform (users phones add --number, case lost-phone).
import {paramFlag} from './catalog-flags.js'
import {secondsFlag} from './flags.js'
import {type PromptContext, chooseOne} from './prompts.js'

export const phoneFieldFlags = (operation: 'createphone' | 'updatephone') => ({
  extension: paramFlag.string(operation, 'extension'),
  name: paramFlag.string(operation, 'name'),
  number: paramFlag.string(operation, 'number'),
  platform: paramFlag.string(operation, 'platform'),
  postdelay: secondsFlag(operation, 'postdelay'),
  predelay: secondsFlag(operation, 'predelay'),
  type: paramFlag.string(operation, 'type'),
})

/** The record keys a person sees after a create or update. */
export const PHONE_SUMMARY = ['phone_id', 'number', 'extension', 'name', 'type', 'platform', 'activated', 'capabilities'] as const

/** The platforms a person picks from, most common first (Duo's request values). */
const PLATFORMS = [
  {name: 'Apple iOS', value: 'apple ios'},
  {name: 'Google Android', value: 'google android'},
  {name: 'Generic smartphone (platform not known; Duo Mobile will be installed)', value: 'generic smartphone'},
  {name: 'Unknown (no Duo Mobile: calls and SMS only)', value: 'unknown'},
]

/** A new phone's platform, asked on a terminal (Duo Mobile activation fails while it is unknown). */
export function askPlatform(prompt: PromptContext, number: string): Promise<string> {
  return chooseOne(prompt, {choices: PLATFORMS, flag: '--platform (the smartphone platform, needed for Duo Mobile)', message: `Which platform is ${number}?`})
}
