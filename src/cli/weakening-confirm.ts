// Asks before an update that sets a user or group to bypass or disabled (core/weakening.ts);
// without a terminal it needs --yes, like a removal.
import type {OperationName} from '../core/catalog/index.js'
import {weakeningQuestion, weakeningStatus} from '../core/weakening.js'
import {type PromptContext, confirmOrAbort} from './prompts.js'

export async function confirmWeakening(ctx: PromptContext, operation: OperationName, input: Record<string, unknown>, who: string, yes: boolean): Promise<void> {
  const status = weakeningStatus(operation, input)
  if (status) await confirmOrAbort(ctx, weakeningQuestion(operation, status, who), yes)
}
