/**
 * An outbox between a writer's commit and the categorize queue. A bank sync or an import
 * categorizes its new transactions as it writes them; their transfer linking and after-change
 * hooks (alerts, budgets, analytics) still run in the categorize worker. The reconciler cannot
 * find such rows from their category — they have one — so the debt is written in the writer's
 * own database transaction: a crash or a Redis outage between the commit and the queue loses
 * nothing, the schedule queues what stays owed, and the job that ran the hooks settles it.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/server/db";
import type { Prisma } from "~/server/db/generated/client";
import { logger } from "~/server/logger";
import { enqueue } from "~/server/queue/producers";
import { CATEGORIZE_BATCH } from "~/server/queue/queues";

/**
 * Past the time a busy categorize queue takes to reach a job, so a debt is rarely queued twice
 * (and twice is harmless: the second job finds it settled).
 */
const OVERDUE_AFTER_MS = 10 * 60_000;
const REQUEUE_LIMIT = 1000;
/**
 * A debt still owed after this many rounds (an hour of the 5-minute schedule) fails for a reason
 * another round will not fix: it stays, logged once, for an operator instead of being queued forever.
 */
export const MAX_REQUEUES = 12;

export type OwedHooks = { id: string; transactionIds: string[] };

/** In the writer's transaction: all it inserted but what still waits for the LLM (that job runs the hooks). */
export async function recordOwedHooks(
  tx: Prisma.TransactionClient,
  userId: string,
  written: { inserted: string[]; uncategorized: string[] },
): Promise<OwedHooks[]> {
  const waiting = new Set(written.uncategorized);
  const categorized = written.inserted.filter((id) => !waiting.has(id));
  const owed: OwedHooks[] = [];
  for (let i = 0; i < categorized.length; i += CATEGORIZE_BATCH)
    owed.push({ id: randomUUID(), transactionIds: categorized.slice(i, i + CATEGORIZE_BATCH) });
  if (owed.length > 0) await tx.transactionHooksOwed.createMany({ data: owed.map((o) => ({ ...o, userId })) });
  return owed;
}

export async function enqueueOwedHooks(userId: string, owed: OwedHooks[], jobIdSuffix = ""): Promise<void> {
  for (const { id, transactionIds } of owed)
    await enqueue(
      "categorize",
      { userId, transactionIds, owedHooksId: id },
      { jobId: `categorize:owed-hooks:${id}${jobIdSuffix}` },
    );
}

export async function isOwed(db: Db, id: string): Promise<boolean> {
  return (await db.transactionHooksOwed.count({ where: { id } })) > 0;
}

export async function settleOwedHooks(db: Db, id: string): Promise<void> {
  await db.transactionHooksOwed.deleteMany({ where: { id } });
}

/** For the schedule: debts whose job never ran (lost, or never queued) go to the queue again. */
export async function requeueOverdueHooks(db: Db, now = new Date()): Promise<{ requeued: number; givenUp: number }> {
  const overdue = await db.transactionHooksOwed.findMany({
    where: { createdAt: { lt: new Date(now.getTime() - OVERDUE_AFTER_MS) }, requeues: { lt: MAX_REQUEUES } },
    orderBy: { createdAt: "asc" },
    take: REQUEUE_LIMIT,
    select: { id: true, userId: true, transactionIds: true, requeues: true },
  });
  // A new job id per round: the first job may sit failed in the queue's history, where the same
  // id would make this add a no-op. (BullMQ allows no further ':' in a custom id.)
  const round = `-requeued-${now.getTime()}`;
  await db.transactionHooksOwed.updateMany({
    where: { id: { in: overdue.map((o) => o.id) } },
    data: { requeues: { increment: 1 } },
  });
  for (const { userId, requeues, ...owed } of overdue) {
    if (requeues + 1 === MAX_REQUEUES)
      logger.error({ owedHooksId: owed.id, userId }, "owed transaction hooks queued for the last time");
    await enqueueOwedHooks(userId, [owed], round);
  }
  const givenUp = await db.transactionHooksOwed.count({ where: { requeues: { gte: MAX_REQUEUES } } });
  return { requeued: overdue.length, givenUp };
}
