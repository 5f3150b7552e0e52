/**
 * Transactions whose merchants the LLM failed on (down, slow, garbage) were answered by the
 * offline model and marked `llmRetry`; a delayed categorize job asks about them again later.
 *
 * Why a delayed job rather than a periodic sweep for the mark: it costs nothing while the LLM is
 * healthy (no scan of every user's transactions), and its id is derived from what it retries, so
 * a job that runs twice — stalled and picked up by another worker — schedules one follow-up, not
 * two. The retry number travels in the payload so an LLM that stays down stops costing attempts
 * after the last delay; the transactions keep their offline answer and their mark, which the
 * daily reconcile (reconcile-categorization.ts) picks up.
 */
import { createHash } from "node:crypto";
import { enqueue } from "~/server/queue/producers";

export const LLM_RETRY_DELAYS_MS = [10 * 60_000, 60 * 60_000, 6 * 60 * 60_000];

export async function scheduleLlmRetry(
  userId: string,
  transactionIds: string[],
  previousRetry = 0,
): Promise<string | null> {
  const retry = previousRetry + 1;
  const delay = LLM_RETRY_DELAYS_MS[retry - 1];
  if (transactionIds.length === 0 || delay === undefined) return null;
  const ids = [...transactionIds].sort();
  const digest = createHash("sha1")
    .update(`${userId} ${ids.join(",")}`)
    .digest("hex")
    .slice(0, 20);
  const jobId = `categorize-llm-retry-${retry}-${digest}`;
  await enqueue("categorize", { userId, transactionIds: ids, llmRetry: retry }, { jobId, delay });
  return jobId;
}
