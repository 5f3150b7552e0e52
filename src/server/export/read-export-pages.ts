/**
 * The filtered transaction list, page after page in the list's order (newest first), each page
 * read with a keyset condition on (date, id) — so a million rows are never in memory at once and
 * no page is re-read from an offset. Account names come from one lookup, not a relation per page:
 * Prisma 7 keeps memory for every page read with a relation in its select (about 0.65 MB per
 * 5,000 rows, measured here), which a million-row export cannot afford.
 */
import type { Db } from "~/server/db";
import type { Prisma } from "~/server/db/generated/client";
import { type SplitLine, splitLinesBetween } from "~/server/transaction/category-lines";
import { afterKey, transactionFilterWhere } from "~/server/transaction/list-transactions";
import { toCalendarDate } from "~/server/time/calendar";
import type { ExportTransactionsInput } from "./export-transactions-input";

const PAGE_ROWS = 5_000;

const exportSelect = {
  id: true,
  transactionDate: true,
  description: true,
  merchantName: true,
  category: true,
  categoryDetailed: true,
  userCategory: true,
  userCategoryDetailed: true,
  amount: true,
  currency: true,
  status: true,
  notes: true,
  tags: true,
  accountId: true,
} satisfies Prisma.TransactionSelect;

type SelectedRow = Prisma.TransactionGetPayload<{ select: typeof exportSelect }>;

/** One exported row: text for every cell, the amount as an exact decimal string. */
export type ExportRow = {
  date: string;
  description: string;
  merchant: string;
  category: string;
  detailedCategory: string;
  amount: string;
  currency: string;
  account: string;
  status: string;
  notes: string;
  tags: string;
  id: string;
  /** The whole transaction's amount on each of its parts' rows; empty for a transaction not split. */
  splitOf: string;
};

export async function* readExportPages(
  db: Db,
  userId: string,
  filters: Omit<ExportTransactionsInput, "format">,
): AsyncGenerator<ExportRow[]> {
  const where = transactionFilterWhere(userId, filters);
  const accounts = await db.bankAccount.findMany({ where: { userId }, select: { id: true, name: true } });
  const accountName = new Map(accounts.map((a) => [a.id, a.name]));
  let last: { date: Date; id: string } | null = null;
  for (;;) {
    const rows: SelectedRow[] = await db.transaction.findMany({
      where: last ? { AND: [where, afterKey(last)] } : where,
      select: exportSelect,
      orderBy: [{ transactionDate: "desc" }, { id: "desc" }],
      take: PAGE_ROWS,
    });
    if (rows.length === 0) return;
    // Newest first: the page spans from its last row's day to its first's.
    const splits = await splitLinesBetween(db, userId, {
      from: rows.at(-1)!.transactionDate,
      to: rows[0]!.transactionDate,
    });
    yield rows.flatMap((row) => {
      const whole = exportRow(row, accountName.get(row.accountId) ?? "");
      const parts = splits.get(row.id)?.filter((part) => inFilteredCategory(part, filters.category));
      return parts ? parts.map((part) => partRow(whole, part)) : [whole];
    });
    if (rows.length < PAGE_ROWS) return;
    const tail = rows.at(-1)!;
    last = { date: tail.transactionDate, id: tail.id };
  }
}

/** Filtered by a category, a split transaction shows only its parts in that category. */
const inFilteredCategory = (part: SplitLine, category: string | undefined) =>
  !category || part.category === category || part.detailedCategory === category;

function exportRow(row: SelectedRow, account: string): ExportRow {
  return {
    date: toCalendarDate(row.transactionDate),
    description: row.description,
    merchant: row.merchantName ?? "",
    // The user's choice wins over the automatic one, as on the Transactions page.
    category: row.userCategory ?? row.category ?? "",
    detailedCategory: (row.userCategory ? row.userCategoryDetailed : row.categoryDetailed) ?? "",
    amount: row.amount.toFixed(2),
    currency: row.currency.trim(),
    account,
    status: row.status,
    notes: row.notes ?? "",
    tags: row.tags.join(", "),
    id: row.id,
    splitOf: "",
  };
}

/**
 * A split transaction is exported as one row per part, each with the part's amount and category,
 * so a pivot by category matches the app's totals and the Amount column still adds up to the
 * account's movements; the Transaction ID and "Split of" tie the parts together.
 */
function partRow(whole: ExportRow, part: SplitLine): ExportRow {
  return {
    ...whole,
    category: part.category,
    detailedCategory: part.detailedCategory ?? "",
    amount: part.amount,
    notes: part.notes ?? "",
    splitOf: whole.amount,
  };
}
