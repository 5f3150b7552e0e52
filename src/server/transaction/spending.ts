/**
 * What counts as spending, written once. Money moving between the user's own pockets is not
 * spending: transfers, income, loan disbursements, and credit-card payments (the card's
 * purchases are already counted). Refunds are positive amounts in a spending category and
 * reduce it. Used by summaries, budgets and analytics alike.
 */
import { Prisma } from "~/server/db/generated/client";

export const NON_SPENDING_PRIMARIES = ["INCOME", "TRANSFER_IN", "TRANSFER_OUT", "LOAN_DISBURSEMENTS"] as const;
export const NON_SPENDING_DETAILED = ["LOAN_PAYMENTS_CREDIT_CARD_PAYMENT"] as const;

/** The category a transaction counts under: the user's choice, else the automatic one, else OTHER. */
export const effectiveCategorySql = Prisma.sql`COALESCE(t.user_category, t.category, 'OTHER')`;
export const effectiveDetailedSql = Prisma.sql`CASE WHEN t.user_category IS NOT NULL THEN t.user_category_detailed ELSE t.category_detailed END`;

/** SQL condition over a `transactions t` row: true when it counts as spending (or a refund of it). */
export const isSpendingSql = Prisma.sql`(
  t.transfer_peer_id IS NULL
  AND ${effectiveCategorySql} NOT IN (${Prisma.join([...NON_SPENDING_PRIMARIES])})
  AND COALESCE(${effectiveDetailedSql}, '') NOT IN (${Prisma.join([...NON_SPENDING_DETAILED])})
)`;

export function isSpending(tx: {
  category: string | null;
  categoryDetailed: string | null;
  userCategory: string | null;
  userCategoryDetailed: string | null;
  transferPeerId: string | null;
}): boolean {
  const primary = tx.userCategory ?? tx.category ?? "OTHER";
  const detailed = tx.userCategory ? tx.userCategoryDetailed : tx.categoryDetailed;
  return (
    tx.transferPeerId === null &&
    !(NON_SPENDING_PRIMARIES as readonly string[]).includes(primary) &&
    !(NON_SPENDING_DETAILED as readonly string[]).includes(detailed ?? "")
  );
}
