import { enqueue } from "~/server/queue/producers";
import { mayUseLlmBatch } from "./llm-batch/batch-threshold";

const BATCH = 500;

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
 * A sync's or an import's new transactions (`inserted`), of which `uncategorized` still need the
 * LLM. Those categorized as they were written still need transfer linking and the after-change
 * hooks (alerts, budgets, analytics): the categorize worker runs them in the same batches, so
 * hooks never judge a transaction without its category and a long history spreads over workers.
 */
export async function enqueueNewTransactions(
  userId: string,
  ids: { inserted: string[]; uncategorized: string[] },
  origin: string,
) {
  const waiting = new Set(ids.uncategorized);
  const categorized = ids.inserted.filter((id) => !waiting.has(id));
  await enqueueCategorize(userId, ids.uncategorized, origin);
  await enqueueCategorizeJobs(userId, categorized, `${origin}-categorized`, { categorized: true });
}

export async function enqueueCategorizeJobs(
  userId: string,
  transactionIds: string[],
  origin: string,
  options: { categorized?: true } = {},
) {
  for (let i = 0; i < transactionIds.length; i += BATCH) {
    await enqueue(
      "categorize",
      { userId, transactionIds: transactionIds.slice(i, i + BATCH), ...options },
      { jobId: `categorize:${origin}:${i / BATCH}` },
    );
  }
}
