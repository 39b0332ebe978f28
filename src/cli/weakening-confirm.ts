// Asks before a create or update that sets a user or group to bypass or disabled, and once before
// a file whose rows do (core/weakening.ts); without a terminal it needs --yes, like a removal.
import type {OperationName} from '../core/catalog/index.js'
import {type WeakeningCounts, describeWeakeningRows, weakeningQuestion, weakeningStatus} from '../core/weakening.js'
import {type PromptContext, confirmOrAbort} from './prompts.js'

export async function confirmWeakening(ctx: PromptContext, operation: OperationName, input: Record<string, unknown>, who: string, yes: boolean): Promise<void> {
  const status = weakeningStatus(operation, input)
  if (status) await confirmOrAbort(ctx, weakeningQuestion(operation, status, who), yes)
}

/** A file (an import, a bulk file) whose rows weaken security: asked once, before the first write. */
export async function confirmWeakeningRows(ctx: PromptContext, file: string, counts: WeakeningCounts, noun: 'operation' | 'row', yes: boolean): Promise<void> {
  const rows = describeWeakeningRows(counts, noun)
  if (rows) await confirmOrAbort(ctx, `${file}: ${rows}. Continue?`, yes)
}
