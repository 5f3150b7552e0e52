import type { Db } from "~/server/db";
import { inertText } from "~/server/export/export-columns";
import { toCalendarDate } from "~/server/time/calendar";

const COLUMNS = [
  "date",
  "amount",
  "currency",
  "account",
  "description",
  "merchant",
  "category",
  "category_detailed",
  "status",
  "notes",
  "tags",
];

/**
 * RFC 4180 quoting, plus the OWASP guard against formula injection: a text cell that a
 * spreadsheet would evaluate (=, +, -, @, tab, CR first) gets a leading apostrophe. Amounts are
 * numbers and stay as they are.
 */
export function csvCell(value: string | null, { numeric = false } = {}): string {
  const text = numeric ? (value ?? "") : inertText(value ?? "");
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function transactionsCsv(db: Db, userId: string): Promise<string> {
  const rows = await db.transaction.findMany({
    where: { userId },
    orderBy: [{ transactionDate: "asc" }, { id: "asc" }],
    select: {
      transactionDate: true,
      amount: true,
      currency: true,
      description: true,
      merchantName: true,
      category: true,
      categoryDetailed: true,
      userCategory: true,
      userCategoryDetailed: true,
      status: true,
      notes: true,
      tags: true,
      account: { select: { name: true } },
    },
  });
  const lines = rows.map((t) =>
    [
      csvCell(toCalendarDate(t.transactionDate)),
      csvCell(t.amount.toFixed(2), { numeric: true }),
      csvCell(t.currency),
      csvCell(t.account.name),
      csvCell(t.description),
      csvCell(t.merchantName),
      csvCell(t.userCategory ?? t.category),
      csvCell(t.userCategory ? t.userCategoryDetailed : t.categoryDetailed),
      csvCell(t.status),
      csvCell(t.notes),
      csvCell(t.tags.join(", ")),
    ].join(","),
  );
  return [COLUMNS.join(","), ...lines].join("\r\n") + "\r\n";
}
