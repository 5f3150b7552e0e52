/**
 * Finds deliveries a crash left behind: PENDING rows whose notify job no longer exists (the
 * process died between the insert and the enqueue, or Redis was down). A job that is waiting,
 * delayed (quiet hours, retry_after) or running is left alone.
 */
import type { Db } from "~/server/db";
import { getQueue } from "~/server/queue/producers";
import { deliveryJobId, enqueueDeliveries } from "./enqueue-delivery";

export const STUCK_AFTER_MS = 5 * 60_000;
const GIVE_UP_AFTER_MS = 7 * 24 * 3600_000;

export async function redeliverPending(db: Db, now = new Date()): Promise<{ requeued: number }> {
  const stuck = await db.notification.findMany({
    where: {
      status: "PENDING",
      channel: { not: "IN_APP" },
      createdAt: { lt: new Date(now.getTime() - STUCK_AFTER_MS), gt: new Date(now.getTime() - GIVE_UP_AFTER_MS) },
    },
    select: { id: true },
    take: 1000,
  });
  const queue = getQueue("notify");
  const lost: string[] = [];
  for (const { id } of stuck) {
    const job = await queue.getJob(deliveryJobId(id));
    const state = job ? await job.getState() : "missing";
    if (state === "completed" || state === "failed") await job!.remove();
    if (state === "missing" || state === "unknown" || state === "completed" || state === "failed") lost.push(id);
  }
  await enqueueDeliveries(lost);
  return { requeued: lost.length };
}
