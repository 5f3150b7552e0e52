import { logger } from "~/server/logger";
import { enqueue } from "~/server/queue/producers";

/**
 * One notify job per notification: the job id is derived from the notification id, so BullMQ
 * refuses a second job while the first is waiting, delayed or running. If Redis is down the
 * rows stay PENDING and the reconciler enqueues them later.
 */
export const deliveryJobId = (notificationId: string) => `notify-${notificationId}`;

export async function enqueueDeliveries(notificationIds: string[]): Promise<void> {
  for (const notificationId of notificationIds) {
    try {
      await enqueue("notify", { notificationId }, { jobId: deliveryJobId(notificationId) });
    } catch (error) {
      logger.warn({ notificationId, err: (error as Error).message }, "could not enqueue delivery; the reconciler will");
    }
  }
}
