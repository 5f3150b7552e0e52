/**
 * How much was spent, per currency, for any combination of period, category, merchant and
 * account — and the same for two periods side by side. Net of refunds, exact; a split
 * transaction counts as its parts, so a category filter takes only its part of it.
 */
import type { Db } from "~/server/db";
import { fromMinorUnits, toMinorUnits } from "~/server/transaction/money";
import { categoryLinesSql } from "~/server/transaction/category-lines";
import { isSpendingSql } from "~/server/transaction/spending";
import { exactAmount } from "./exact-amount";
import { type SpendingFilters, filterSql, spendingFilters } from "./spending-filters";

export type CurrencyTotal = { currency: string; spent: string; count: number };

export async function spendingTotals(db: Db, userId: string, rawFilters: SpendingFilters): Promise<CurrencyTotal[]> {
  const filters = spendingFilters.parse(rawFilters);
  const rows = await db.$queryRaw<{ currency: string; spent: string; count: number }[]>`
    SELECT t.currency, (-SUM(t.amount))::text AS spent, COUNT(DISTINCT t.id)::int AS count
      FROM ${categoryLinesSql(userId)} t
     WHERE ${filterSql(userId, filters)} AND ${isSpendingSql}
  GROUP BY t.currency
  ORDER BY t.currency`;
  return rows.map((r) => ({ ...r, spent: exactAmount(r.spent) }));
}

export type PeriodComparison = {
  currency: string;
  current: string;
  previous: string;
  difference: string;
  /** Change against the previous period in percent, one decimal; null when nothing was spent before. */
  percent: string | null;
};

/** `current` against `previous`, per currency; a currency spent in only one of them shows 0.00 in the other. */
export async function comparePeriods(
  db: Db,
  userId: string,
  input: { current: SpendingFilters; previous: SpendingFilters },
): Promise<PeriodComparison[]> {
  const [current, previous] = await Promise.all([
    spendingTotals(db, userId, input.current),
    spendingTotals(db, userId, input.previous),
  ]);
  const currencies = [...new Set([...current, ...previous].map((t) => t.currency))].sort();
  return currencies.map((currency) => {
    const now = toMinorUnits(current.find((t) => t.currency === currency)?.spent ?? "0");
    const before = toMinorUnits(previous.find((t) => t.currency === currency)?.spent ?? "0");
    return {
      currency,
      current: fromMinorUnits(now),
      previous: fromMinorUnits(before),
      difference: fromMinorUnits(now - before),
      percent: before > 0n ? percentOf(now - before, before) : null,
    };
  });
}

/** part / whole × 100 with one decimal, rounded half away from zero, on integers. */
export function percentOf(part: bigint, whole: bigint): string {
  const negative = part < 0n !== whole < 0n && part !== 0n;
  const p = part < 0n ? -part : part;
  const w = whole < 0n ? -whole : whole;
  const tenths = (p * 2000n + w) / (2n * w);
  return `${negative ? "-" : ""}${tenths / 10n}.${tenths % 10n}`;
}

export type MonthTotal = { month: string; currency: string; spent: string; count: number };

/** Spending per calendar month and currency under the filters, oldest first. */
export async function monthlySpending(db: Db, userId: string, rawFilters: SpendingFilters): Promise<MonthTotal[]> {
  const filters = spendingFilters.parse(rawFilters);
  const rows = await db.$queryRaw<MonthTotal[]>`
    SELECT to_char(t.transaction_date, 'YYYY-MM') AS month, t.currency, (-SUM(t.amount))::text AS spent, COUNT(DISTINCT t.id)::int AS count
      FROM ${categoryLinesSql(userId)} t
     WHERE ${filterSql(userId, filters)} AND ${isSpendingSql}
  GROUP BY 1, 2
  ORDER BY 1, 2`;
  return rows.map((r) => ({ ...r, spent: exactAmount(r.spent) }));
}
