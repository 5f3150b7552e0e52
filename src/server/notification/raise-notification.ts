/**
 * Records an event for a user, exactly once. The database decides: notifications are unique on
 * (user, dedupe key, channel), and the IN_APP row is inserted first with ON CONFLICT DO NOTHING.
 * Whoever inserts it — one worker out of two, the first of two duplicated events — also inserts
 * the Telegram / email rows in the same transaction and enqueues their delivery; everyone else
 * learns the event is already known and does nothing.
 */
import type { Db } from "~/server/db";
import type { Channel, Prisma } from "~/server/db/generated/client";
import { emailConfigured } from "~/server/email/send-email";
import { telegramConfig } from "~/server/telegram/telegram-config";
import { enqueueDeliveries } from "./enqueue-delivery";
import { ruleFor } from "./notification-rules";
import type { NotificationType } from "./notification-types";

export type NotificationEvent = {
  userId: string;
  type: NotificationType;
  /** Names the event, e.g. "budget:<budgetId>:<periodStart>:100" or "large-tx:<accountId>:<providerId>". */
  dedupeKey: string;
  title: string;
  message: string;
  data?: Prisma.InputJsonValue;
  /** False records the event in the app only (a lower threshold passed together with a higher one). */
  deliverExternally?: boolean;
};

async function externalChannels(db: Db, event: NotificationEvent): Promise<Channel[] | null> {
  const rule = await ruleFor(db, event.userId, event.type);
  if (!rule.enabled) return null;
  if (event.deliverExternally === false) return [];
  const prefs = await db.userPreferences.findUnique({
    where: { userId: event.userId },
    select: { notificationEnabled: true, telegramChatId: true, telegramBlockedAt: true },
  });
  if (prefs && !prefs.notificationEnabled) return [];
  return rule.channels.filter((channel) => {
    if (channel === "TELEGRAM") return Boolean(telegramConfig() && prefs?.telegramChatId && !prefs.telegramBlockedAt);
    return emailConfigured();
  });
}

/** Returns the ids of the rows this call created (empty when the event was already known or is switched off). */
export async function raiseNotification(db: Db, event: NotificationEvent): Promise<string[]> {
  const channels = await externalChannels(db, event);
  if (channels === null) return [];
  const base = {
    userId: event.userId,
    type: event.type,
    dedupeKey: event.dedupeKey,
    title: event.title,
    message: event.message,
    data: event.data,
  };
  const created = await db.$transaction(async (tx) => {
    const inApp = await tx.notification.createManyAndReturn({
      data: [{ ...base, channel: "IN_APP", status: "SENT", sentAt: new Date() }],
      skipDuplicates: true,
      select: { id: true },
    });
    if (inApp.length === 0) return [];
    if (channels.length === 0) return inApp.map((r) => ({ ...r, channel: "IN_APP" as Channel }));
    const external = await tx.notification.createManyAndReturn({
      data: channels.map((channel) => ({ ...base, channel })),
      skipDuplicates: true,
      select: { id: true, channel: true },
    });
    return [...inApp.map((r) => ({ ...r, channel: "IN_APP" as Channel })), ...external];
  });
  await enqueueDeliveries(created.filter((r) => r.channel !== "IN_APP").map((r) => r.id));
  return created.map((r) => r.id);
}
