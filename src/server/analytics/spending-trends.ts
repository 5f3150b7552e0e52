/**
 * Spending trends: per category per month, and income against expense per month. Sums are done
 * by Postgres in NUMERIC and leave as text, per currency — amounts in different currencies are
 * never added together. Both read category lines: a split transaction counts as its parts.
 */
import { z } from "zod";
import type { Db } from "~/server/db";
import { categoryLinesSql } from "~/server/transaction/category-lines";
import { effectiveCategorySql, isSpendingSql } from "~/server/transaction/spending";
import { calendarDate, fromCalendarDate } from "~/server/time/calendar";
import { cachedAnalytics } from "./analytics-cache";
import { exactAmount } from "./exact-amount";
import { isIncomeSql } from "./income-sql";
import { monthsBack } from "./month-range";
import { userContext } from "./user-context";

export const trendsInput = z.object({
  months: z.number().int().min(1).max(36).default(12),
  /** The last month shown (any day in it); defaults to the user's current month. */
  until: calendarDate.optional(),
});
export type TrendsInput = z.input<typeof trendsInput>;

export type CategoryMonth = { month: string; category: string; currency: string; spent: string; count: number };
export type IncomeExpenseMonth = { month: string; currency: string; income: string; expense: string; net: string };

/** Net spending per month, category and currency over [from, to]; refunds reduce it (it may be negative). */
export async function spendingByCategoryByMonth(
  db: Db,
  userId: string,
  range: { from: string; to: string },
): Promise<CategoryMonth[]> {
  const rows = await db.$queryRaw<
    { month: string; category: string; currency: string; spent: string; count: number }[]
  >`
    SELECT to_char(t.transaction_date, 'YYYY-MM') AS month, ${effectiveCategorySql} AS category, t.currency,
           (-SUM(t.amount))::text AS spent, COUNT(DISTINCT t.id)::int AS count
      FROM ${categoryLinesSql(userId)} t
     WHERE t.user_id = ${userId}::uuid
       AND t.transaction_date BETWEEN ${fromCalendarDate(range.from)}::date AND ${fromCalendarDate(range.to)}::date
       AND ${isSpendingSql}
  GROUP BY 1, 2, 3
  ORDER BY 1, 3, SUM(t.amount), 2`;
  return rows.map((r) => ({ ...r, spent: exactAmount(r.spent) }));
}

/** Income (the INCOME category, transfers excluded) and spending per month and currency. */
export async function incomeVsExpense(
  db: Db,
  userId: string,
  range: { from: string; to: string },
): Promise<IncomeExpenseMonth[]> {
  const rows = await db.$queryRaw<{ month: string; currency: string; income: string; expense: string; net: string }[]>`
    SELECT to_char(t.transaction_date, 'YYYY-MM') AS month, t.currency,
           COALESCE(SUM(t.amount) FILTER (WHERE ${isIncomeSql}), 0)::text AS income,
           COALESCE(-SUM(t.amount) FILTER (WHERE ${isSpendingSql}), 0)::text AS expense,
           (COALESCE(SUM(t.amount) FILTER (WHERE ${isIncomeSql}), 0)
             + COALESCE(SUM(t.amount) FILTER (WHERE ${isSpendingSql}), 0))::text AS net
      FROM ${categoryLinesSql(userId)} t
     WHERE t.user_id = ${userId}::uuid
       AND t.transaction_date BETWEEN ${fromCalendarDate(range.from)}::date AND ${fromCalendarDate(range.to)}::date
  GROUP BY 1, 2
  ORDER BY 1, 2`;
  return rows.map((r) => ({
    ...r,
    income: exactAmount(r.income),
    expense: exactAmount(r.expense),
    net: exactAmount(r.net),
  }));
}

export async function spendingTrends(db: Db, userId: string, rawInput: TrendsInput = {}, now = new Date()) {
  const input = trendsInput.parse(rawInput);
  const ctx = await userContext(db, userId, now);
  const range = monthsBack(input.until ?? ctx.today, input.months);
  return cachedAnalytics(userId, "spendingTrends", { range }, async () => {
    // Two independent reads of the same months: side by side, a cold call waits for the slower only.
    const [byCategory, incomeExpense] = await Promise.all([
      spendingByCategoryByMonth(db, userId, range),
      incomeVsExpense(db, userId, range),
    ]);
    return { ...range, byCategory, incomeVsExpense: incomeExpense };
  });
}
