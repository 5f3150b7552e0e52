/** The settings page's notification section: thresholds, quiet hours, digest times and channel status. */
import type { z } from "zod";
import type { Db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { emailConfigured } from "~/server/email/send-email";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import { telegramConfig } from "~/server/telegram/telegram-config";
import type { updateSettingsInput } from "./settings-schema";

export async function getNotificationSettings(db: Db, userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      currency: true,
      timezone: true,
      preferences: {
        select: {
          notificationEnabled: true,
          largeTransactionThreshold: true,
          quietHoursStart: true,
          quietHoursEnd: true,
          dailySummaryTime: true,
          weeklyReportDay: true,
          telegramChatId: true,
          telegramBlockedAt: true,
        },
      },
    },
  });
  const prefs = user.preferences;
  const telegram = telegramConfig();
  return {
    currency: user.currency,
    timezone: user.timezone,
    notificationEnabled: prefs?.notificationEnabled ?? true,
    largeTransactionThreshold: fromMinorUnits(
      toMinorUnits(prefs?.largeTransactionThreshold ?? new Prisma.Decimal(500)),
    ),
    quietHoursStart: prefs?.quietHoursStart ?? null,
    quietHoursEnd: prefs?.quietHoursEnd ?? null,
    dailySummaryTime: prefs?.dailySummaryTime ?? "09:00",
    weeklyReportDay: prefs?.weeklyReportDay ?? "MONDAY",
    telegram: {
      available: telegram !== null,
      botUsername: telegram?.botUsername ?? null,
      linked: Boolean(prefs?.telegramChatId),
      blockedAt: prefs?.telegramBlockedAt?.toISOString() ?? null,
    },
    email: { available: emailConfigured(), address: user.email },
  };
}

export async function updateNotificationSettings(db: Db, userId: string, input: z.infer<typeof updateSettingsInput>) {
  await db.userPreferences.upsert({ where: { userId }, create: { userId, ...input }, update: input });
  return getNotificationSettings(db, userId);
}
