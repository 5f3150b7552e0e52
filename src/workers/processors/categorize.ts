import { type CategorizeResult, categorizeTransactions } from "~/server/categorize/categorize-transactions";
import type { CategorizeDeps } from "~/server/categorize/decide-categories";
import { categorizeDeps } from "~/server/categorize/categorize-deps";
import { linkTransfers } from "~/server/categorize/link-transfers";
import { isOwed, settleOwedHooks } from "~/server/categorize/owed-hooks";
import { scheduleLlmRetry } from "~/server/categorize/schedule-llm-retry";
import { db } from "~/server/db";
import { afterTransactionsChanged } from "~/server/transaction/after-transactions-changed";
import type { Processor } from "../registry";

/** A batch the bank sync or the import categorized as it wrote it: nothing left to decide. */
const alreadyCategorized = (ids: string[]): CategorizeResult => ({
  categorized: 0,
  bySource: {},
  llmMerchants: 0,
  ids,
  llmMissedIds: [],
});

/**
 * Categorizes a batch of one user's transactions (unless they were categorized as they were
 * written: then it pays the hooks they are owed), links transfers among them, runs the
 * after-change hooks for everything that changed, and schedules a later LLM retry for what the
 * offline model had to answer. An LLM failure never fails the job: the pipeline falls back. The
 * engines are a parameter so tests can run the real worker with a short LLM timeout.
 */
export function createCategorizeProcessor(deps: () => CategorizeDeps): Processor<"categorize"> {
  return async ({ userId, transactionIds, llmRetry, owedHooksId }) => {
    // A re-queued debt whose first job got there after all.
    if (owedHooksId && !(await isOwed(db, owedHooksId))) return { status: "already settled" };
    const result = owedHooksId
      ? alreadyCategorized(transactionIds)
      : await categorizeTransactions(db, userId, transactionIds, deps());
    const transfers = await linkTransfers(db, userId, result.ids);
    await afterTransactionsChanged(db, userId, [...new Set([...result.ids, ...transfers.ids])]);
    if (owedHooksId) await settleOwedHooks(db, owedHooksId);
    const retryJobId = await scheduleLlmRetry(userId, result.llmMissedIds, llmRetry);
    return {
      categorized: result.categorized,
      bySource: result.bySource,
      llmMerchants: result.llmMerchants,
      llmMissed: result.llmMissedIds.length,
      linkedTransfers: transfers.linked,
      retryJobId,
    };
  };
}

export const process = createCategorizeProcessor(categorizeDeps);
