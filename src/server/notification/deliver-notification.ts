/**
 * Sends one notification through its channel and records the outcome on the row:
 * PENDING → SENT, or FAILED with the error. The notify worker maps the returned outcome onto
 * the queue: "later" delays the job without spending an attempt (quiet hours, Telegram's pace
 * and retry_after), "retry" lets BullMQ back off, and on the last attempt a transient error
 * becomes a failure.
 */
import type { Telegram } from "telegraf";
import type { Db } from "~/server/db";
import { countShared } from "~/server/metrics/shared-metrics";
import { type EmailSender, smtpSender } from "~/server/email/send-email";
import { type ChatPacing, defaultChatPacing } from "~/server/telegram/chat-pacing";
import { telegramMessageFor } from "~/server/telegram/notification-message";
import { getTelegram } from "~/server/telegram/telegram-config";
import { type TelegramFailure, classifyTelegramFailure } from "~/server/telegram/telegram-failure";
import { quietUntil } from "./local-clock";

export type DeliveryOutcome =
  | { kind: "sent" }
  | { kind: "skipped"; reason: string }
  | { kind: "later"; until: Date; reason: "quiet-hours" | "chat-pace" | "retry-after" }
  | { kind: "retry"; error: string }
  | { kind: "failed"; error: string };

export type DeliveryDeps = {
  telegram: Pick<Telegram, "sendMessage"> | null;
  email: EmailSender | null;
  pacing: ChatPacing;
  now: () => Date;
};

export const defaultDeliveryDeps = (): DeliveryDeps => ({
  telegram: getTelegram(),
  email: smtpSender(),
  pacing: defaultChatPacing(),
  now: () => new Date(),
});

const notificationSelect = {
  id: true,
  userId: true,
  type: true,
  channel: true,
  status: true,
  title: true,
  message: true,
  data: true,
  user: {
    select: {
      email: true,
      timezone: true,
      preferences: {
        select: { telegramChatId: true, telegramBlockedAt: true, quietHoursStart: true, quietHoursEnd: true },
      },
    },
  },
} as const;

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

const load = (db: Db, id: string) => db.notification.findUnique({ where: { id }, select: notificationSelect });

export async function deliverNotification(
  db: Db,
  notificationId: string,
  options: { finalAttempt: boolean; deps?: DeliveryDeps },
): Promise<DeliveryOutcome> {
  const deps = options.deps ?? defaultDeliveryDeps();
  const notification = await load(db, notificationId);
  if (!notification) return { kind: "skipped", reason: "notification no longer exists" };
  if (notification.status !== "PENDING") return { kind: "skipped", reason: `already ${notification.status}` };

  const prefs = notification.user.preferences;
  const quietEnd = quietUntil(deps.now(), notification.user.timezone, prefs?.quietHoursStart, prefs?.quietHoursEnd);
  if (quietEnd) return { kind: "later", until: quietEnd, reason: "quiet-hours" };

  const outcome = await send(db, notification, deps);
  if (outcome.kind === "retry" && options.finalAttempt)
    return record(db, notification, { kind: "failed", error: outcome.error });
  return record(db, notification, outcome);
}

async function send(db: Db, notification: Loaded, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  switch (notification.channel) {
    case "TELEGRAM":
      return sendTelegram(db, notification, deps);
    case "EMAIL":
      return sendEmail(db, notification, deps);
    default:
      return { kind: "failed", error: `channel ${notification.channel} is not delivered by the notify queue` };
  }
}

async function sendTelegram(db: Db, notification: Loaded, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const prefs = notification.user.preferences;
  if (!deps.telegram) return { kind: "failed", error: "Telegram is not configured on this server" };
  if (!prefs?.telegramChatId) return { kind: "failed", error: "Telegram is not linked" };
  if (prefs.telegramBlockedAt) return { kind: "failed", error: "The Telegram bot is blocked by the user" };
  const chatId = prefs.telegramChatId;
  const { text, extra } = telegramMessageFor(notification);
  const wait = await deps.pacing.reserve(chatId);
  if (wait > 0) return { kind: "later", until: new Date(deps.now().getTime() + wait), reason: "chat-pace" };

  let failure: TelegramFailure | null = null;
  try {
    await deps.telegram.sendMessage(chatId, text, extra);
  } catch (error) {
    failure = classifyTelegramFailure(error);
  }
  // The chat's next message may start an interval after Telegram answered this one, or after its retry_after.
  if (failure?.kind === "rate-limited") await deps.pacing.pause(chatId, failure.retryAfterMs);
  else await deps.pacing.release(chatId);
  await countAttempt(db, notification.id);
  if (!failure) return { kind: "sent" };
  switch (failure.kind) {
    case "rate-limited":
      return { kind: "later", until: new Date(deps.now().getTime() + failure.retryAfterMs), reason: "retry-after" };
    case "blocked":
      // The user blocked the bot: stop using the channel and say so in the web app.
      await db.userPreferences.update({
        where: { userId: notification.userId },
        data: { telegramBlockedAt: deps.now() },
      });
      return { kind: "failed", error: failure.description };
    case "permanent":
      return { kind: "failed", error: failure.description };
    case "transient":
      return { kind: "retry", error: failure.description };
  }
}

async function sendEmail(db: Db, notification: Loaded, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  if (!deps.email) return { kind: "failed", error: "Email is not configured on this server (SMTP_URL)" };
  await countAttempt(db, notification.id);
  try {
    await deps.email.send({
      to: notification.user.email,
      subject: notification.title ?? "Money Tracking",
      text: notification.message,
    });
    return { kind: "sent" };
  } catch (error) {
    const code = (error as { responseCode?: number }).responseCode;
    const message = error instanceof Error ? error.message : String(error);
    // SMTP 5xx replies are permanent (bad recipient, rejected); 4xx and connection errors may pass later.
    return code !== undefined && code >= 500 ? { kind: "failed", error: message } : { kind: "retry", error: message };
  }
}

const countAttempt = (db: Db, id: string) =>
  db.notification.update({ where: { id }, data: { attempts: { increment: 1 } } });

async function record(db: Db, notification: Loaded, outcome: DeliveryOutcome): Promise<DeliveryOutcome> {
  const pending = { id: notification.id, status: "PENDING" as const };
  // Counted only by the delivery that moved the row out of PENDING, so a repeat is never counted twice.
  const countFinal = ({ count }: { count: number }) => {
    if (count === 1) countShared("mt_notifications_total", { channel: notification.channel, outcome: outcome.kind });
  };
  if (outcome.kind === "sent") {
    countFinal(
      await db.notification.updateMany({
        where: pending,
        data: { status: "SENT", sentAt: new Date(), errorMessage: null },
      }),
    );
  } else if (outcome.kind === "failed") {
    countFinal(
      await db.notification.updateMany({
        where: pending,
        data: { status: "FAILED", errorMessage: outcome.error.slice(0, 1000) },
      }),
    );
  } else if (outcome.kind === "retry") {
    await db.notification.updateMany({ where: pending, data: { errorMessage: outcome.error.slice(0, 1000) } });
  } else if (outcome.kind === "later" && outcome.reason === "retry-after") {
    await db.notification.updateMany({
      where: pending,
      data: { errorMessage: "Telegram asked to slow down (429); retrying" },
    });
  }
  return outcome;
}
