/**
 * The daily net under the categorize queue: a job lost with Redis, or never enqueued because
 * Redis was down right after an import or a sync committed, leaves transactions with no category;
 * an LLM retry lost the same way, or one that ran out of retries, leaves them marked `llmRetry`.
 * Both are found again from the database and queued, so a lost job loses no work.
 */
import type { Db } from "~/server/db";
import { enqueueCategorizeJobs } from "./enqueue-categorize";

/** Older than every scheduled LLM retry (10 min + 1 h + 6 h), so no retry still pending is doubled. */
const SETTLED_AFTER = "8 hours";

export async function reconcileCategorization(
  db: Db,
  now = new Date(),
): Promise<{ users: number; transactions: number }> {
  const waiting = await db.$queryRaw<{ user_id: string; ids: string[] }[]>`
    SELECT user_id::text, array_agg(id::text ORDER BY id) AS ids
      FROM transactions
     WHERE (category IS NULL OR metadata ? 'llmRetry')
       AND updated_at < ${now}::timestamptz - ${SETTLED_AFTER}::interval
     GROUP BY user_id`;
  const day = now.toISOString().slice(0, 10);
  for (const { user_id: userId, ids } of waiting)
    await enqueueCategorizeJobs(userId, ids, `reconcile-${day}-${userId}`);
  return { users: waiting.length, transactions: waiting.reduce((sum, w) => sum + w.ids.length, 0) };
}
