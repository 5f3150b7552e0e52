import type { Db } from "~/server/db";
import { fromCalendarDate } from "~/server/time/calendar";
import { categoryLinesSql } from "./category-lines";
import { effectiveCategorySql, isSpendingSql } from "./spending";

export type CategorySpending = { category: string; currency: string; spent: string; count: number };

/**
 * Net spending per category and currency over [from, to] (inclusive calendar days), as exact
 * decimal strings; currencies are never added together. A split transaction counts as its parts.
 */
export async function categorySummary(
  db: Db,
  userId: string,
  range: { from: string; to: string },
): Promise<CategorySpending[]> {
  const rows = await db.$queryRaw<{ category: string; currency: string; spent: string; count: bigint }[]>`
    SELECT ${effectiveCategorySql} AS category, t.currency, (-SUM(t.amount))::text AS spent, COUNT(DISTINCT t.id) AS count
      FROM ${categoryLinesSql(userId)} t
     WHERE t.user_id = ${userId}::uuid
       AND t.transaction_date BETWEEN ${fromCalendarDate(range.from)}::date AND ${fromCalendarDate(range.to)}::date
       AND ${isSpendingSql}
  GROUP BY 1, 2
    HAVING SUM(t.amount) < 0
  ORDER BY SUM(t.amount) ASC`;
  return rows.map((r) => ({ category: r.category, currency: r.currency, spent: r.spent, count: Number(r.count) }));
}
