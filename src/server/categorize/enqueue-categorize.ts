import { enqueue } from "~/server/queue/producers";
import { CATEGORIZE_BATCH } from "~/server/queue/queues";
import { mayUseLlmBatch } from "./llm-batch/batch-threshold";
import { type OwedHooks, enqueueOwedHooks } from "./owed-hooks";

/**
 * New transactions go to the categorize queue in batches; the job id names the batch, so the
 * same sync (or import) re-enqueued after a crash adds no second job for it. A long history
 * whose LLM takes OpenAI batches goes to the categorize-batch queue instead, which sends it to
 * the categorize queue once the batch has answered.
 */
export async function enqueueCategorize(userId: string, transactionIds: string[], origin: string) {
  if (mayUseLlmBatch(transactionIds.length)) {
    await enqueue("categorize-batch", { step: "submit", userId }, { jobId: `categorize-batch-submit-${origin}` });
    return;
  }
  await enqueueCategorizeJobs(userId, transactionIds, origin);
}

/**
 * After a sync's or an import's commit: the new transactions that still need the LLM, and the
 * hooks owed to those categorized as they were written (transfer linking, alerts, budgets,
 * analytics). The categorize worker runs both in batches, so hooks never judge a transaction
 * without its category and a long history spreads over workers.
 */
export async function enqueueNewTransactions(
  userId: string,
  written: { uncategorizedTransactionIds: string[]; owedHooks: OwedHooks[] },
  origin: string,
) {
  await enqueueCategorize(userId, written.uncategorizedTransactionIds, origin);
  await enqueueOwedHooks(userId, written.owedHooks);
}

export async function enqueueCategorizeJobs(userId: string, transactionIds: string[], origin: string) {
  for (let i = 0; i < transactionIds.length; i += CATEGORIZE_BATCH) {
    await enqueue(
      "categorize",
      { userId, transactionIds: transactionIds.slice(i, i + CATEGORIZE_BATCH) },
      { jobId: `categorize:${origin}:${i / CATEGORIZE_BATCH}` },
    );
  }
}
