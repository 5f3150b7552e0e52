/**
 * High-priority insights become notifications through the notification service, which decides
 * channels and delivery. It only knows the event types in NOTIFICATION_TYPES: until "insight" is
 * one of them, insights stay in the app (the insights page) and nothing is sent.
 */
import type { Db } from "~/server/db";
import { logger } from "~/server/logger";
import { notificationType } from "~/server/notification/notification-types";
import { raiseNotification } from "~/server/notification/raise-notification";
import type { StoredInsight } from "./insight-store";

export async function notifyInsight(db: Db, userId: string, insight: StoredInsight): Promise<void> {
  const type = notificationType.safeParse("insight");
  if (!type.success) {
    logger.debug({ insightId: insight.id }, "insight notifications not enabled: no 'insight' notification type");
    return;
  }
  await raiseNotification(db, {
    userId,
    type: type.data,
    dedupeKey: `insight:${insight.id}`,
    title: insight.title,
    message: insight.description,
    data: { insightId: insight.id, insightType: insight.type },
  });
}
