import type { Db } from "~/server/db";
import { enqueueCategorizeJobs } from "../enqueue-categorize";

/**
 * Sends the user's transactions still waiting for an LLM answer (marked `llmRetry` by the
 * pipeline) to the categorize queue. After a batch, its answers are in the merchant cache, so only
 * the merchants it left unanswered cost ordinary calls; without one, they all do, and where the
 * LLM fails again the offline model keeps answering — no transaction is left behind.
 */
export async function releaseWaitingTransactions(db: Db, userId: string, origin: string): Promise<number> {
  const waiting = await db.transaction.findMany({
    where: { userId, metadata: { path: ["llmRetry"], equals: true } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  await enqueueCategorizeJobs(
    userId,
    waiting.map((t) => t.id),
    origin,
  );
  return waiting.length;
}
