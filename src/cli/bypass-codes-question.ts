// What `duo users bypass-codes create` asks before it runs: how many codes, and whether the user's
// existing ones survive (by default Duo clears them).
import {getOperation} from '../core/catalog/index.js'

const DEFAULT_COUNT = getOperation('createuserbypasscodes').params.find((p) => p.name === 'count')!.default as number

export function bypassCodesQuestion(user: string, flags: {codes?: string; count?: number; 'preserve-existing'?: boolean}): string {
  const count = flags.codes ? flags.codes.split(',').length : (flags.count ?? DEFAULT_COUNT)
  const existing = flags['preserve-existing'] ? 'Their existing codes are kept.' : 'Their existing codes will be cleared.'
  return `Generate ${count} bypass code${count === 1 ? '' : 's'} for ${user}? ${existing}`
}
