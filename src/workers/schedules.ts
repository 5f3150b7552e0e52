/**
 * Repeating jobs, declared with BullMQ job schedulers (upsertJobScheduler is idempotent: every
 * worker process may declare them at start-up and there is still one schedule each).
 * https://docs.bullmq.io/guide/job-schedulers
 */
import { logger } from "~/server/logger";
import { getQueue } from "~/server/queue/producers";
import type { JobPayload } from "~/server/queue/queues";

type Schedule = {
  id: string;
  repeat: { pattern: string; tz?: string } | { every: number };
  data: JobPayload<"alerts-schedule">;
};

export const SCHEDULES: Schedule[] = [
  // Budgets and goals recomputed, lost categorizations queued again (catches what a lost job
  // missed); audit entries past their retention deleted.
  { id: "daily-reconcile", repeat: { pattern: "20 3 * * *", tz: "UTC" }, data: { task: "reconcile" } },
  // Daily summaries and weekly reports fall due at each user's own local time.
  { id: "digests", repeat: { every: 5 * 60_000 }, data: { task: "digests" } },
  { id: "redeliver-notifications", repeat: { every: 10 * 60_000 }, data: { task: "redeliver" } },
  // Alerts and budget checks owed to new transactions whose categorize job was lost.
  { id: "owed-hooks", repeat: { every: 5 * 60_000 }, data: { task: "owed-hooks" } },
  // Webhooks bring most changes; this catches a missed webhook and banks that send none.
  { id: "bank-syncs", repeat: { pattern: "0 */6 * * *", tz: "UTC" }, data: { task: "bank-syncs" } },
];

/** Every hour, insights for the users whose local morning it is (src/workers/processors/insights.ts). */
const INSIGHTS_SCHEDULE = { id: "hourly-insights", repeat: { pattern: "5 * * * *", tz: "UTC" }, data: {} };

export async function startSchedules(): Promise<void> {
  const queue = getQueue("alerts-schedule");
  for (const schedule of SCHEDULES) {
    await queue.upsertJobScheduler(schedule.id, schedule.repeat, {
      name: schedule.id,
      data: schedule.data,
      opts: { removeOnComplete: { count: 50 }, removeOnFail: { count: 50 } },
    });
  }
  await getQueue("insights").upsertJobScheduler(INSIGHTS_SCHEDULE.id, INSIGHTS_SCHEDULE.repeat, {
    name: INSIGHTS_SCHEDULE.id,
    data: INSIGHTS_SCHEDULE.data,
    opts: { removeOnComplete: { count: 50 }, removeOnFail: { count: 50 } },
  });
  logger.info({ schedules: [...SCHEDULES.map((s) => s.id), INSIGHTS_SCHEDULE.id] }, "schedules registered");
}
