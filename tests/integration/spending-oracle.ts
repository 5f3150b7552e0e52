/**
 * Independent answers for analytics and chat tests: plain SQL written from the rules in
 * shared/data/categorization/LABELING-RULES.md and DESIGN.md, not from the code under test.
 * Spending: not income, not a transfer (by category or by being one side of a transfer pair),
 * not a loan disbursement, not a credit-card payment; the user's category wins; refunds count
 * against spending.
 */
import type { Db } from "~/server/db";

export const ORACLE_CATEGORY = "COALESCE(t.user_category, t.category, 'OTHER')";
export const ORACLE_DETAILED =
  "CASE WHEN t.user_category IS NOT NULL THEN t.user_category_detailed ELSE t.category_detailed END";

export const ORACLE_IS_SPENDING = `(
  t.transfer_peer_id IS NULL
  AND ${ORACLE_CATEGORY} NOT IN ('INCOME', 'TRANSFER_IN', 'TRANSFER_OUT', 'LOAN_DISBURSEMENTS')
  AND COALESCE(${ORACLE_DETAILED}, '') <> 'LOAN_PAYMENTS_CREDIT_CARD_PAYMENT'
)`;

export const ORACLE_IS_INCOME = `(t.transfer_peer_id IS NULL AND ${ORACLE_CATEGORY} = 'INCOME')`;

/** Runs SQL with positional parameters; every value comes back as text. */
export async function oracle<T = Record<string, string>>(db: Db, sql: string, ...params: unknown[]): Promise<T[]> {
  return db.$queryRawUnsafe<T[]>(sql, ...params);
}

export async function oracleSpent(
  db: Db,
  userId: string,
  from: string,
  to: string,
  where = "TRUE",
): Promise<Record<string, string>> {
  const rows = await oracle<{ currency: string; spent: string }>(
    db,
    `SELECT t.currency, to_char(-SUM(t.amount), 'FM9999999999990.00') AS spent
       FROM transactions t
      WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN $2::date AND $3::date
        AND ${ORACLE_IS_SPENDING} AND (${where})
   GROUP BY t.currency`,
    userId,
    from,
    to,
  );
  return Object.fromEntries(rows.map((r) => [r.currency, r.spent]));
}

/**
 * The user's ($1) transactions as they count toward categories, as a derived table to alias `t`:
 * one that is split is its parts instead, each in the category picked for it (a detailed slug
 * belongs to its primary in the system taxonomy), with the transaction's other columns.
 */
export const ORACLE_CATEGORY_LINES = `(
  SELECT t.id, t.transaction_date, t.amount, t.currency, t.transfer_peer_id,
         t.category, t.category_detailed, t.user_category, t.user_category_detailed
    FROM transactions t
   WHERE t.user_id = $1::uuid AND t.id NOT IN (SELECT transaction_id FROM transaction_splits)
  UNION ALL
  SELECT t.id, t.transaction_date, s.amount, t.currency, t.transfer_peer_id,
         t.category, t.category_detailed, c."primary",
         CASE WHEN c.slug <> c."primary" THEN c.slug END
    FROM transaction_splits s
    JOIN transactions t ON t.id = s.transaction_id
    JOIN categories c ON c.slug = s.category AND c.user_id IS NULL
   WHERE t.user_id = $1::uuid
)`;
