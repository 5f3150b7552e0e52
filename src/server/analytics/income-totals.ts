import type { Db } from "~/server/db";
import { categoryLinesSql } from "~/server/transaction/category-lines";
import { sumAmounts } from "~/server/transaction/money";
import { exactAmount } from "./exact-amount";
import { isIncomeSql } from "./income-sql";
import { merchantNameSql } from "./merchant-key";
import { type SpendingFilters, filterSql, spendingFilters } from "./spending-filters";

export type IncomeTotal = {
  currency: string;
  income: string;
  count: number;
  sources: { name: string; amount: string }[];
};

const SOURCES_SHOWN = 5;

/** Money earned per currency over the filters (a category filter does not apply), with its largest sources. */
export async function incomeTotals(db: Db, userId: string, rawFilters: SpendingFilters): Promise<IncomeTotal[]> {
  const filters = spendingFilters.parse({ ...rawFilters, category: undefined });
  const rows = await db.$queryRaw<{ currency: string; name: string; amount: string; count: number }[]>`
    SELECT t.currency, ${merchantNameSql} AS name, SUM(t.amount)::text AS amount, COUNT(DISTINCT t.id)::int AS count
      FROM ${categoryLinesSql(userId)} t
     WHERE ${filterSql(userId, filters)} AND ${isIncomeSql}
  GROUP BY 1, 2
  ORDER BY 1, SUM(t.amount) DESC, 2`;
  const currencies = [...new Set(rows.map((r) => r.currency))];
  return currencies.map((currency) => {
    const sources = rows.filter((r) => r.currency === currency);
    return {
      currency,
      income: sumAmounts(sources.map((s) => s.amount)),
      count: sources.reduce((n, s) => n + s.count, 0),
      sources: sources.slice(0, SOURCES_SHOWN).map((s) => ({ name: s.name, amount: exactAmount(s.amount) })),
    };
  });
}
