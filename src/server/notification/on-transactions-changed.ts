/**
 * The door for whoever writes transactions (sync, import, categorize, a user's edit): call it
 * after the change is committed. It raises large-transaction alerts for the given ids and asks
 * the budget-check worker to bring utilization up to date from the earliest day touched.
 * Safe to call twice with the same ids: alerts are deduplicated by the database and budget
 * checks are idempotent.
 */
import type { Db } from "~/server/db";
import { enqueue } from "~/server/queue/producers";
import { toCalendarDate } from "~/server/time/calendar";
import { raiseLargeTransactionAlerts } from "./large-transaction-alerts";

export async function onTransactionsChanged(
  db: Db,
  userId: string,
  transactionIds: string[],
  /** For removed transactions, which can no longer be looked up: the earliest date among them. */
  options: { earliestDay?: string } = {},
): Promise<{ largeTransactionAlerts: number; budgetCheckFrom: string | undefined }> {
  const largeTransactionAlerts = await raiseLargeTransactionAlerts(db, userId, transactionIds);
  const earliest = await db.transaction.aggregate({
    where: { userId, id: { in: transactionIds } },
    _min: { transactionDate: true },
  });
  const days = [options.earliestDay, earliest._min.transactionDate && toCalendarDate(earliest._min.transactionDate)];
  const budgetCheckFrom = days.filter((d): d is string => Boolean(d)).sort()[0];
  await enqueue("budget-check", { userId, ...(budgetCheckFrom ? { day: budgetCheckFrom } : {}) });
  return { largeTransactionAlerts, budgetCheckFrom };
}
