import type { CategorizeDeps } from "~/server/categorize/categorize-transactions";
import { categorizeTransactions } from "~/server/categorize/categorize-transactions";
import { categorizeDeps } from "~/server/categorize/categorize-deps";
import { linkTransfers } from "~/server/categorize/link-transfers";
import { scheduleLlmRetry } from "~/server/categorize/schedule-llm-retry";
import { db } from "~/server/db";
import { afterTransactionsChanged } from "~/server/transaction/after-transactions-changed";
import type { Processor } from "../registry";

/**
 * Categorizes a batch of one user's transactions, links transfers among them, runs the
 * after-change hooks for everything that changed, and schedules a later LLM retry for what the
 * offline model had to answer. An LLM failure never fails the job: the pipeline falls back.
 * The engines are a parameter so tests can run the real worker with a short LLM timeout.
 */
export function createCategorizeProcessor(deps: () => CategorizeDeps): Processor<"categorize"> {
  return async ({ userId, transactionIds, llmRetry }) => {
    const result = await categorizeTransactions(db, userId, transactionIds, deps());
    const transfers = await linkTransfers(db, userId, result.ids);
    await afterTransactionsChanged(db, userId, [...new Set([...result.ids, ...transfers.ids])]);
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
