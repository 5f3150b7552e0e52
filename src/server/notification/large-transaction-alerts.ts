/**
 * "A large amount just left your account." Money out at or above the user's threshold
 * (UserPreferences.largeTransactionThreshold, in the user's currency; other currencies are not
 * compared without a rate), not a transfer between the user's own accounts, and recent: the
 * first sync brings years of history, which must not set off a storm of alerts.
 */
import { Prisma } from "~/server/db/generated/client";
import type { Db } from "~/server/db";
import { formatDay, formatMoney, humanizeSlug } from "~/lib/format";
import { categoryLinesSql } from "~/server/transaction/category-lines";
import { effectiveCategorySql, isSpendingSql } from "~/server/transaction/spending";
import { fromCalendarDate, todayIn, toCalendarDate } from "~/server/time/calendar";
import type { LargeTransactionData } from "./large-transaction-data";
import { addDays } from "./local-clock";
import { raiseNotification } from "./raise-notification";

export const RECENT_DAYS = 7;
// Filled in when the user's own history suggests fewer than three categories.
const COMMON_SPENDING = ["GENERAL_MERCHANDISE", "FOOD_AND_DRINK", "GENERAL_SERVICES", "TRAVEL", "ENTERTAINMENT"];

export async function raiseLargeTransactionAlerts(
  db: Db,
  userId: string,
  transactionIds: string[],
  now = new Date(),
): Promise<number> {
  if (transactionIds.length === 0) return 0;
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      timezone: true,
      currency: true,
      locale: true,
      preferences: { select: { largeTransactionThreshold: true } },
    },
  });
  const threshold = user.preferences?.largeTransactionThreshold ?? new Prisma.Decimal(500);
  const since = addDays(todayIn(user.timezone, now), -RECENT_DAYS);
  const large = await db.transaction.findMany({
    where: {
      userId,
      id: { in: transactionIds },
      currency: user.currency,
      amount: { lte: threshold.negated() },
      transferPeerId: null,
      transactionDate: { gte: fromCalendarDate(since) },
    },
    select: {
      id: true,
      accountId: true,
      providerTransactionId: true,
      pendingTransactionId: true,
      amount: true,
      currency: true,
      merchantName: true,
      description: true,
      transactionDate: true,
      category: true,
      userCategory: true,
      account: { select: { name: true } },
    },
  });
  let raised = 0;
  for (const tx of large) {
    const current = tx.userCategory ?? tx.category ?? "OTHER";
    const suggestions = await suggestCategories(db, userId, current);
    const data: LargeTransactionData = { transactionId: tx.id, suggestions };
    const ids = await raiseNotification(db, {
      userId,
      type: "large_transaction",
      // A posted transaction names the pending one it replaced: both are one purchase, one alert.
      dedupeKey: `large-tx:${tx.accountId}:${tx.pendingTransactionId ?? tx.providerTransactionId}`,
      title: "Large transaction",
      message: `${formatMoney(tx.amount.toString(), tx.currency, user.locale)} at ${tx.merchantName ?? tx.description} on ${formatDay(
        toCalendarDate(tx.transactionDate),
        user.locale,
      )} (${tx.account.name}). Category: ${humanizeSlug(current)}.`,
      data,
    });
    if (ids.length > 0) raised++;
  }
  return raised;
}

/** The user's most used spending categories of the last 90 days, other than the current one. */
async function suggestCategories(db: Db, userId: string, current: string) {
  const rows = await db.$queryRaw<{ category: string }[]>`
    SELECT ${effectiveCategorySql} AS category
      FROM ${categoryLinesSql(userId)} t
     WHERE t.user_id = ${userId}::uuid
       AND t.transaction_date >= CURRENT_DATE - 90
       AND t.amount < 0
       AND ${isSpendingSql}
  GROUP BY 1
  ORDER BY COUNT(DISTINCT t.id) DESC, 1
     LIMIT 4`;
  const slugs = [...rows.map((r) => r.category), ...COMMON_SPENDING].filter(
    (s, i, all) => s !== current && all.indexOf(s) === i,
  );
  const picked = slugs.slice(0, 3);
  const labels = await db.category.findMany({
    where: { slug: { in: picked }, OR: [{ userId: null }, { userId }] },
    select: { slug: true, label: true },
  });
  return picked.map((slug) => ({ slug, label: labels.find((l) => l.slug === slug)?.label ?? humanizeSlug(slug) }));
}
