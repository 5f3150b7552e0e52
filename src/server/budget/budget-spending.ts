import type { Db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { categoryLinesSql } from "~/server/transaction/category-lines";
import { effectiveCategorySql, effectiveDetailedSql, isSpendingSql } from "~/server/transaction/spending";
import { fromCalendarDate, toCalendarDate } from "~/server/time/calendar";
import { toMinorUnits } from "~/server/transaction/money";
import { type BudgetPeriodKind, type PeriodRange, periodIndexOf } from "./budget-periods";

export type BudgetScope = {
  userId: string;
  /** A primary, a detailed category or one of the user's own; null for every spending category. */
  category: string | null;
  currency: string;
  period: BudgetPeriodKind;
  startDate: string;
};

export type PeriodSpending = { spent: bigint; count: number };

/**
 * Net spending in each of `periods` (consecutive, ascending), in minor units. What counts is
 * decided once in transaction/spending.ts: the user's category over the automatic one,
 * transfers and income left out, refunds (positive amounts) subtracting, a split transaction
 * counted as its parts (transaction/category-lines.ts).
 */
export async function spendingPerPeriod(
  db: Pick<Db, "$queryRaw">,
  scope: BudgetScope,
  periods: PeriodRange[],
): Promise<PeriodSpending[]> {
  const result = periods.map(() => ({ spent: 0n, count: 0 }));
  if (periods.length === 0) return result;
  const categoryFilter = scope.category
    ? Prisma.sql`AND (${effectiveCategorySql} = ${scope.category} OR ${effectiveDetailedSql} = ${scope.category})`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ day: Date; spent: string; count: number }[]>`
    SELECT t.transaction_date AS day, (-SUM(t.amount))::text AS spent, COUNT(DISTINCT t.id)::int AS count
      FROM ${categoryLinesSql(scope.userId)} t
     WHERE t.user_id = ${scope.userId}::uuid
       AND t.currency = ${scope.currency}
       AND t.transaction_date BETWEEN ${fromCalendarDate(periods[0]!.start)}::date AND ${fromCalendarDate(periods.at(-1)!.end)}::date
       AND ${isSpendingSql}
       ${categoryFilter}
  GROUP BY t.transaction_date`;
  const first = periods[0]!.index;
  for (const row of rows) {
    const slot = result[periodIndexOf(scope.period, scope.startDate, toCalendarDate(row.day)) - first];
    if (!slot) continue;
    slot.spent += toMinorUnits(row.spent);
    slot.count += row.count;
  }
  return result;
}
