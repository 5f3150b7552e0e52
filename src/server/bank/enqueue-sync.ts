import type { Db } from "~/server/db";
import { enqueue } from "~/server/queue/producers";
import type { JobPayload } from "~/server/queue/queues";

/**
 * One sync per connection at a time: while a sync job for a connection is waiting, another
 * request for it (a duplicate webhook, an impatient "sync now") is the same job. While one is
 * running, a request is kept as one follow-up job (keepLastIfActive): the running sync may have
 * fetched before the bank had the news, and dropping the request lost those transactions until
 * the 6-hourly sync (found by the fault drill, docs/DEPLOY.md).
 */
export function enqueueSync(connectionId: string, trigger: JobPayload<"bank-sync">["trigger"]) {
  return enqueue(
    "bank-sync",
    { connectionId, trigger },
    { deduplication: { id: `bank-sync:${connectionId}`, keepLastIfActive: true } },
  );
}

/**
 * The 6-hourly sync of every connection that can sync. A connection left SYNCING by a crashed
 * worker is included on purpose: its job is found again here, and a still-running one is
 * deduplicated. Connections waiting for the user to sign in again are left alone.
 */
export async function enqueueScheduledSyncs(db: Db): Promise<{ queued: number }> {
  const connections = await db.bankConnection.findMany({
    where: { status: { in: ["ACTIVE", "SYNCING", "ERROR"] } },
    select: { id: true },
  });
  for (const { id } of connections) await enqueueSync(id, "schedule");
  return { queued: connections.length };
}
