import { enqueue } from "~/server/queue/producers";
import type { JobPayload } from "~/server/queue/queues";

/**
 * One sync per connection at a time: while a sync job for a connection is waiting or running,
 * another request for it (a duplicate webhook, an impatient "sync now") is the same job.
 */
export function enqueueSync(connectionId: string, trigger: JobPayload<"bank-sync">["trigger"]) {
  return enqueue("bank-sync", { connectionId, trigger }, { deduplication: { id: `bank-sync:${connectionId}` } });
}
