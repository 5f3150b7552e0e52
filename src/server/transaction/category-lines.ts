/**
 * How a transaction counts toward categories, written once: a split transaction counts as its
 * parts, each under its own category, and any other transaction as itself. Every sum by category
 * (summaries, budgets, trends, chat answers, reports, exports) reads these lines instead of the
 * `transactions` table, so a $120 receipt split into $80 groceries and $40 household adds $80 to
 * one and $40 to the other everywhere.
 *
 * A line has the columns of `transactions` that the sums read, under the same names, so the
 * shared conditions in spending.ts (`effectiveCategorySql`, `isSpendingSql`) apply unchanged when
 * the lines are aliased `t`. A part's category is the user's choice (`user_category`) with the
 * transaction's other columns; `split_id` tells a part from a whole transaction. One transaction
 * can give several lines: count transactions with `COUNT(DISTINCT t.id)`.
 */
import type { Db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";

/** A derived table of the user's category lines, to be used as `FROM ${categoryLinesSql(userId)} t`. */
export function categoryLinesSql(userId: string): Prisma.Sql {
  return Prisma.sql`(
    SELECT t.id, NULL::uuid AS split_id, t.user_id, t.account_id, t.amount, t.currency, t.transaction_date,
           t.merchant_name, t.merchant_key, t.merchant_group, t.description, t.notes, t.transfer_peer_id,
           t.category, t.category_detailed, t.user_category, t.user_category_detailed
      FROM transactions t
     WHERE t.user_id = ${userId}::uuid
       -- By transaction id alone, so the probe is one lookup in the transaction_id index: with the
       -- user's id as well, the planner may scan all of a user's parts for every transaction.
       AND NOT EXISTS (SELECT 1 FROM transaction_splits s WHERE s.transaction_id = t.id)
    UNION ALL
    SELECT t.id, s.id, t.user_id, t.account_id, s.amount, t.currency, t.transaction_date,
           t.merchant_name, t.merchant_key, t.merchant_group, t.description, COALESCE(s.notes, t.notes), t.transfer_peer_id,
           t.category, t.category_detailed, part.primary_slug, NULLIF(s.category, part.primary_slug)
      FROM transaction_splits s
      JOIN transactions t ON t.id = s.transaction_id AND t.user_id = s.user_id
      -- A part stores the slug picked (detailed or primary, system or the user's own); its primary
      -- comes from the taxonomy, as resolveCategory does when the parts are saved.
      CROSS JOIN LATERAL (
            SELECT COALESCE(
                     (SELECT c."primary" FROM categories c
                       WHERE c.slug = s.category AND (c.user_id IS NULL OR c.user_id = s.user_id)
                    ORDER BY c.user_id NULLS FIRST LIMIT 1),
                     s.category) AS primary_slug
           ) part
     WHERE s.user_id = ${userId}::uuid
  )`;
}

export type SplitLine = {
  transactionId: string;
  amount: string;
  category: string;
  detailedCategory: string | null;
  notes: string | null;
};

/**
 * The parts of the user's split transactions dated within [from, to], largest first, keyed by
 * transaction id. Asked by dates rather than by a page's ids: a list of 5,000 ids per export page
 * quadrupled the export's heap growth (measured on the 200,000-row export test).
 */
export async function splitLinesBetween(
  db: Pick<Db, "$queryRaw">,
  userId: string,
  range: { from: Date; to: Date },
): Promise<Map<string, SplitLine[]>> {
  const byTransaction = new Map<string, SplitLine[]>();
  const rows = await db.$queryRaw<SplitLine[]>`
    SELECT t.id::text AS "transactionId", t.amount::text AS amount, t.user_category AS category,
           t.user_category_detailed AS "detailedCategory", t.notes
      FROM ${categoryLinesSql(userId)} t
     WHERE t.split_id IS NOT NULL AND t.transaction_date BETWEEN ${range.from}::date AND ${range.to}::date
  ORDER BY abs(t.amount) DESC, t.user_category_detailed, t.user_category, t.split_id`;
  for (const row of rows) {
    const lines = byTransaction.get(row.transactionId) ?? [];
    lines.push(row);
    byTransaction.set(row.transactionId, lines);
  }
  return byTransaction;
}
