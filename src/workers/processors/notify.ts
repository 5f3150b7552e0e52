import { DelayedError, type Job } from "bullmq";
import { db } from "~/server/db";
import { logger } from "~/server/logger";
import { deliverNotification } from "~/server/notification/deliver-notification";
import type { JobPayload } from "~/server/queue/queues";

/**
 * Delivers one notification. "later" moves the job to the delayed set without spending an
 * attempt (https://docs.bullmq.io/patterns/process-step-jobs#delaying); "retry" throws so
 * BullMQ backs off exponentially.
 */
export async function process(data: JobPayload<"notify">, job: Job) {
  const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  const outcome = await deliverNotification(db, data.notificationId, { finalAttempt });
  if (outcome.kind === "later") {
    await job.moveToDelayed(outcome.until.getTime(), job.token);
    throw new DelayedError();
  }
  if (outcome.kind === "retry") throw new Error(outcome.error);
  if (outcome.kind === "failed")
    logger.warn({ notificationId: data.notificationId, error: outcome.error }, "notification failed");
  return outcome;
}
