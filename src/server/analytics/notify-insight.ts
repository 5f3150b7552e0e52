/**
 * High-priority insights become notifications through the notification service, which decides
 * channels and delivery. The key is the stored insight's id: an insight is stored once per user
 * and day, so a job that runs twice, or two workers, still tell the user once.
 */
import type { Db } from "~/server/db";
import { raiseNotification } from "~/server/notification/raise-notification";
import type { StoredInsight } from "./insight-store";

export async function notifyInsight(db: Db, userId: string, insight: StoredInsight): Promise<void> {
  await raiseNotification(db, {
    userId,
    type: "insight",
    dedupeKey: `insight:${insight.id}`,
    title: insight.title,
    message: insight.description,
    data: { insightId: insight.id, insightType: insight.type },
  });
}
