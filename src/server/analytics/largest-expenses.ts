import { type z } from "zod";
import type { Db } from "~/server/db";
import { Prisma } from "~/server/db/generated/client";
import { categoryLinesSql } from "~/server/transaction/category-lines";
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

/**
 * The biggest single charges, largest first (across currencies, by face value, ties by date).
 * A split transaction is one charge of its whole amount, as the bank took it — unless a category
 * is asked for: "my biggest grocery expense" means the groceries in it, so then a split charge
 * is its part (or its parts, added up) in that category.
 */
export async function largestExpenses(db: Db, userId: string, rawInput: LargestExpensesInput): Promise<ExpenseRow[]> {
  const { limit, ...filters } = largestExpensesInput.parse(rawInput);
  // Materialized first: ordered by amount alone, Postgres would walk the global amount index
  // through every user's rows looking for this user's (seconds on a large table).
  const rows = await db.$queryRaw<Omit<ExpenseRow, "spent">[]>`
    WITH mine AS MATERIALIZED (${filters.category ? chargesInCategory(userId, filters) : wholeCharges(userId, filters)})
    SELECT m.id::text, m.transaction_date::text AS date, m.merchant, m.description, m.amount::text AS amount,
           m.currency, m.category, a.account_name AS "accountName"
      FROM mine m JOIN bank_accounts a ON a.id = m.account_id
  ORDER BY m.amount ASC, m.transaction_date DESC, m.id
     LIMIT ${limit}`;
  return rows.map((r) => ({ ...r, amount: exactAmount(r.amount), spent: exactAmount(r.amount).replace(/^-/, "") }));
}

type Filters = Omit<z.output<typeof largestExpensesInput>, "limit">;

const chargeColumns = Prisma.sql`t.id, t.transaction_date, ${merchantNameSql} AS merchant, t.description, t.currency,
  ${effectiveCategorySql} AS category, t.account_id`;

/** Under the filters, money spent (not transfers, income or other non-spending categories), charges only. */
const chargeFilter = (userId: string, filters: Filters) =>
  Prisma.sql`${filterSql(userId, filters)} AND ${isSpendingSql} AND t.amount < 0`;

function wholeCharges(userId: string, filters: Filters): Prisma.Sql {
  return Prisma.sql`
    SELECT ${chargeColumns}, t.amount
      FROM transactions t
     WHERE ${chargeFilter(userId, filters)}`;
}

/**
 * Category lines under the filters, a split charge's parts added up. Only the parts are grouped:
 * grouping every line would sort a year of a large history for nothing (≈ 60 ms on 26,000 rows).
 */
function chargesInCategory(userId: string, filters: Filters): Prisma.Sql {
  const where = chargeFilter(userId, filters);
  return Prisma.sql`
    SELECT ${chargeColumns}, t.amount
      FROM ${categoryLinesSql(userId)} t
     WHERE t.split_id IS NULL AND ${where}
    UNION ALL
    SELECT ${chargeColumns}, SUM(t.amount)
      FROM ${categoryLinesSql(userId)} t
     WHERE t.split_id IS NOT NULL AND ${where}
  GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}
