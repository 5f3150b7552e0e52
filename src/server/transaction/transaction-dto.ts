import type { Prisma } from "~/server/db/generated/client";
import { toCalendarDate } from "~/server/time/calendar";

/** What the screens get for a transaction: strings for money and days, never Prisma rows. */
export const transactionSelect = {
  id: true,
  accountId: true,
  amount: true,
  currency: true,
  direction: true,
  description: true,
  merchantName: true,
  category: true,
  userCategory: true,
  categoryDetailed: true,
  userCategoryDetailed: true,
  categorySource: true,
  categoryConfidence: true,
  transactionDate: true,
  status: true,
  notes: true,
  tags: true,
  account: { select: { name: true } },
} satisfies Prisma.TransactionSelect;

type Row = Prisma.TransactionGetPayload<{ select: typeof transactionSelect }>;

export function toTransactionDto(row: Row) {
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.account.name,
    date: toCalendarDate(row.transactionDate),
    amount: row.amount.toFixed(2),
    currency: row.currency,
    direction: row.direction,
    description: row.description,
    merchantName: row.merchantName,
    /** The user's choice wins over the automatic one. */
    category: row.userCategory ?? row.category,
    categoryDetailed: row.userCategory ? row.userCategoryDetailed : row.categoryDetailed,
    categorySource: row.userCategory ? ("USER" as const) : row.categorySource,
    confidence: row.categoryConfidence === null ? null : Number(row.categoryConfidence),
    status: row.status,
    notes: row.notes,
    tags: row.tags,
  };
}

export type TransactionDto = ReturnType<typeof toTransactionDto>;
