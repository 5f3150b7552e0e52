/**
 * Jobs carry ids, never copies of data (src/server/queue/queues.ts), so a job belongs to a user
 * when its payload names the user, one of their connections or notifications. Waiting and
 * delayed ones are removed; one already running finds its rows gone and does nothing.
 */
import { getQueue } from "~/server/queue/producers";
import { QUEUE_NAMES } from "~/server/queue/queues";
import type { OwnedIds } from "./account-deletion";

const PENDING_STATES = ["waiting", "delayed", "prioritized", "waiting-children"] as const;

function idsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(idsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(idsIn);
  return [];
}

export async function removeQueuedJobs(owned: OwnedIds): Promise<number> {
  const ids = new Set([owned.userId, ...owned.connectionIds, ...owned.notificationIds]);
  let removed = 0;
  for (const name of QUEUE_NAMES) {
    const jobs = await getQueue(name).getJobs([...PENDING_STATES]);
    for (const job of jobs) {
      if (!job || !idsIn(job.data).some((id) => ids.has(id))) continue;
      await job.remove();
      removed += 1;
    }
  }
  return removed;
}
