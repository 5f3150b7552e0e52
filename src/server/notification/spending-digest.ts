/** Spending over a range in a few words, shared by the daily summary, the weekly report and /summary. */
import type { Db } from "~/server/db";
import { formatMoney, humanizeSlug } from "~/lib/format";
import { type CategorySpending, categorySummary } from "~/server/transaction/category-summary";
import { sumAmounts } from "~/server/transaction/money";

export type SpendingDigest = {
  totals: { currency: string; spent: string }[];
  categories: CategorySpending[];
  count: number;
};

export async function spendingDigest(
  db: Db,
  userId: string,
  range: { from: string; to: string },
): Promise<SpendingDigest> {
  const categories = await categorySummary(db, userId, range);
  const currencies = [...new Set(categories.map((c) => c.currency))];
  return {
    totals: currencies.map((currency) => ({
      currency,
      spent: sumAmounts(categories.filter((c) => c.currency === currency).map((c) => c.spent)),
    })),
    categories,
    count: categories.reduce((n, c) => n + c.count, 0),
  };
}

/** "$412.50" — or "$412.50 and €30.00" — never adding currencies together; in the user's locale. */
export function describeTotal(digest: SpendingDigest, locale: string): string {
  if (digest.totals.length === 0) return "nothing";
  return digest.totals.map((t) => formatMoney(t.spent, t.currency, locale)).join(" and ");
}

export const countTransactions = (n: number) => `${n} transaction${n === 1 ? "" : "s"}`;

/** "$20.00 in 2 transactions". */
export const describeSpending = (digest: SpendingDigest, locale: string) =>
  `${describeTotal(digest, locale)} in ${countTransactions(digest.count)}`;

export function topCategoriesLines(digest: SpendingDigest, locale: string, limit = 3): string[] {
  return digest.categories
    .slice(0, limit)
    .map((c) => `• ${humanizeSlug(c.category)}: ${formatMoney(c.spent, c.currency, locale)}`);
}
