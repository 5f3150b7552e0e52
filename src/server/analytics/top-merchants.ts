import { type z } from "zod";
import type { Db } from "~/server/db";
import { categoryLinesSql } from "~/server/transaction/category-lines";
import { isSpendingSql } from "~/server/transaction/spending";
import { cachedAnalytics } from "./analytics-cache";
import { exactAmount } from "./exact-amount";
import { merchantKeySql, merchantNameSql } from "./merchant-key";
import { filterSql, rankedSpendingFilters } from "./spending-filters";

export const topMerchantsInput = rankedSpendingFilters;
export type TopMerchantsInput = z.input<typeof topMerchantsInput>;

export type MerchantSpending = {
  merchant: string;
  merchantKey: string;
  currency: string;
  spent: string;
  count: number;
};

/**
 * Where the money went, merchant by merchant, biggest first within each currency (a category
 * filter takes a split's part). Cached: over a year of a large history it groups tens of thousands
 * of rows (about half a second), and the chat asks it again and again.
 */
export async function topMerchants(db: Db, userId: string, rawInput: TopMerchantsInput): Promise<MerchantSpending[]> {
  const input = topMerchantsInput.parse(rawInput);
  return cachedAnalytics(userId, "top-merchants", input, () => rankMerchants(db, userId, input));
}

async function rankMerchants(
  db: Db,
  userId: string,
  { limit, ...filters }: z.output<typeof topMerchantsInput>,
): Promise<MerchantSpending[]> {
  const rows = await db.$queryRaw<MerchantSpending[]>`
    SELECT merchant, "merchantKey", currency, spent::text AS spent, count FROM (
      SELECT mode() WITHIN GROUP (ORDER BY ${merchantNameSql}) AS merchant, ${merchantKeySql} AS "merchantKey",
             t.currency, -SUM(t.amount) AS spent, COUNT(DISTINCT t.id)::int AS count,
             ROW_NUMBER() OVER (PARTITION BY t.currency ORDER BY SUM(t.amount), ${merchantKeySql}) AS rank
        FROM ${categoryLinesSql(userId)} t
       WHERE ${filterSql(userId, filters)} AND ${isSpendingSql}
    GROUP BY 2, 3
      HAVING SUM(t.amount) < 0
    ) ranked
     WHERE rank <= ${limit}
  ORDER BY currency, rank`;
  return rows.map((r) => ({ ...r, spent: exactAmount(r.spent) }));
}
