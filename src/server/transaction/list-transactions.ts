import { z } from "zod";
import type { Db } from "~/server/db";
import { escapeLike } from "~/server/db/escape-like";
import type { Prisma } from "~/server/db/generated/client";
import { DETAILED_CATEGORIES } from "~/server/categorize/taxonomy";
import { AppError } from "~/server/errors";
import { calendarDate, fromCalendarDate } from "~/server/time/calendar";
import { toTransactionDto, transactionSelect } from "./transaction-dto";

export const listTransactionsInput = z.object({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).nullish(),
  accountId: z.uuid().optional(),
  category: z.string().max(100).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  direction: z.enum(["DEBIT", "CREDIT"]).optional(),
  /** Case-insensitive substring of description, merchant or notes. */
  search: z.string().trim().max(100).optional(),
});
export type ListTransactionsInput = z.input<typeof listTransactionsInput>;

// The cursor is the (date, id) of the last row seen: stable under inserts, unlike an offset.
const encodeCursor = (date: Date, id: string) =>
  Buffer.from(`${date.toISOString().slice(0, 10)}|${id}`).toString("base64url");

function decodeCursor(cursor: string): { date: Date; id: string } {
  const [day, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const parsed = z.object({ day: calendarDate, id: z.uuid() }).safeParse({ day, id });
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Invalid cursor");
  return { date: fromCalendarDate(parsed.data.day), id: parsed.data.id };
}

/** The list's filters as a Prisma condition, owner first; the exports read through the same one. */
export function transactionFilterWhere(
  userId: string,
  input: Pick<
    z.output<typeof listTransactionsInput>,
    "accountId" | "category" | "from" | "to" | "direction" | "search"
  >,
): Prisma.TransactionWhereInput {
  const and: Prisma.TransactionWhereInput[] = [];
  if (input.category) and.push(inCategory(input.category));
  if (input.search) {
    const contains = { contains: escapeLike(input.search), mode: "insensitive" as const };
    and.push({ OR: [{ description: contains }, { merchantName: contains }, { notes: contains }] });
  }
  return {
    userId,
    accountId: input.accountId,
    direction: input.direction,
    transactionDate: {
      gte: input.from ? fromCalendarDate(input.from) : undefined,
      lte: input.to ? fromCalendarDate(input.to) : undefined,
    },
    AND: and,
  };
}

/**
 * Primary or detailed, the user's choice over the automatic one, and a split transaction by its
 * parts: the same transactions a chat answer or chart counted (transaction/category-lines.ts).
 */
function inCategory(category: string): Prisma.TransactionWhereInput {
  const partSlugs = [category, ...DETAILED_CATEGORIES.filter((c) => c.primary === category).map((c) => c.slug)];
  return {
    OR: [
      {
        splits: { none: {} },
        OR: [
          { userCategory: category },
          { userCategoryDetailed: category },
          { userCategory: null, OR: [{ category }, { categoryDetailed: category }] },
        ],
      },
      { splits: { some: { category: { in: partSlugs } } } },
    ],
  };
}

export async function listTransactions(db: Db, userId: string, rawInput: ListTransactionsInput) {
  const input = listTransactionsInput.parse(rawInput);
  const filters = transactionFilterWhere(userId, input);
  const where: Prisma.TransactionWhereInput = input.cursor
    ? { AND: [filters, afterKey(decodeCursor(input.cursor))] }
    : filters;
  const rows = await db.transaction.findMany({
    where,
    select: transactionSelect,
    orderBy: [{ transactionDate: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toTransactionDto),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.transactionDate, last.id) : null,
  };
}

/** Rows after (date, id) in the list's newest-first order: keyset paging, stable under inserts. */
export function afterKey({ date, id }: { date: Date; id: string }): Prisma.TransactionWhereInput {
  return { OR: [{ transactionDate: { lt: date } }, { transactionDate: date, id: { lt: id } }] };
}

export async function getTransaction(db: Db, userId: string, id: string) {
  const row = await db.transaction.findFirst({ where: { id, userId }, select: transactionSelect });
  if (!row) throw new AppError("NOT_FOUND", "Transaction not found");
  return toTransactionDto(row);
}
