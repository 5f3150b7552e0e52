import { refreshInsights } from "~/server/analytics/generate-insights";
import { usersDueForInsights } from "~/server/analytics/insights-schedule";
import { notifyInsight } from "~/server/analytics/notify-insight";
import { db } from "~/server/db";
import { enqueue } from "~/server/queue/producers";
import type { JobPayload } from "~/server/queue/queues";

/** One user's daily insights (new high-priority ones notify); without a user, queue those whose morning it is. */
export async function process(data: JobPayload<"insights">) {
  if (data.userId) {
    const userId = data.userId;
    const { found, created } = await refreshInsights(db, userId, {
      notify: (insight) => notifyInsight(db, userId, insight),
    });
    return { found, created: created.length };
  }
  const due = await usersDueForInsights(db);
  for (const { userId, jobId } of due) await enqueue("insights", { userId }, { jobId });
  return { queued: due.length };
}
