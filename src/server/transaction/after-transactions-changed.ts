/**
 * What must follow every committed change to a user's transactions, whoever made it — the
 * categorize worker, an edit in the UI or over Telegram, a rule applied to the past, an import, a
 * bank sync: large-transaction alerts and budget checks, then the user's cached analytics dropped.
 * One door, so a new writer cannot remember one hook and forget the other.
 */
import { invalidateUserAnalytics } from "~/server/analytics/analytics-cache";
import type { Db } from "~/server/db";
import { onTransactionsChanged } from "~/server/notification/on-transactions-changed";

export async function afterTransactionsChanged(
  db: Db,
  userId: string,
  transactionIds: string[],
  /** For removed transactions, which can no longer be looked up: the earliest date among them. */
  options: { earliestDay?: string } = {},
): Promise<void> {
  if (transactionIds.length === 0 && !options.earliestDay) return;
  await onTransactionsChanged(db, userId, transactionIds, options);
  await invalidateUserAnalytics(userId);
}
