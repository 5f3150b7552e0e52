import { type z } from "zod";
import type { Db } from "~/server/db";
import { effectiveCategorySql, isSpendingSql } from "~/server/transaction/spending";
import { exactAmount } from "./exact-amount";
import { merchantNameSql } from "./merchant-key";
import { filterSql, rankedSpendingFilters } from "./spending-filters";

export const largestExpensesInput = rankedSpendingFilters;
export type LargestExpensesInput = z.input<typeof largestExpensesInput>;

export type ExpenseRow = {
  id: string;
  date: string;
  merchant: string;
  description: string;
  /** Signed, as on the statement (negative). */
  amount: string;
  /** The same, as money spent (positive). */
  spent: string;
  currency: string;
  category: string;
  accountName: string;
};

/** The biggest single charges, largest first (across currencies, by face value, ties by date). */
export async function largestExpenses(db: Db, userId: string, rawInput: LargestExpensesInput): Promise<ExpenseRow[]> {
  const { limit, ...filters } = largestExpensesInput.parse(rawInput);
  // Materialized first: ordered by amount alone, Postgres would walk the global amount index
  // through every user's rows looking for this user's (seconds on a large table).
  const rows = await db.$queryRaw<Omit<ExpenseRow, "spent">[]>`
    WITH mine AS MATERIALIZED (
      SELECT t.id, t.transaction_date, ${merchantNameSql} AS merchant, t.description, t.amount, t.currency,
             ${effectiveCategorySql} AS category, t.account_id
        FROM transactions t
       WHERE ${filterSql(userId, filters)} AND ${isSpendingSql} AND t.amount < 0
    )
    SELECT m.id::text, m.transaction_date::text AS date, m.merchant, m.description, m.amount::text AS amount,
           m.currency, m.category, a.account_name AS "accountName"
      FROM mine m JOIN bank_accounts a ON a.id = m.account_id
  ORDER BY m.amount ASC, m.transaction_date DESC, m.id
     LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, amount: exactAmount(r.amount), spent: exactAmount(r.amount).replace(/^-/, "") }));
}
