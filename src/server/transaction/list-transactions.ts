import { z } from "zod";
import type { Db } from "~/server/db";
import { escapeLike } from "~/server/db/escape-like";
import type { Prisma } from "~/server/db/generated/client";
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

export async function listTransactions(db: Db, userId: string, rawInput: ListTransactionsInput) {
  const input = listTransactionsInput.parse(rawInput);
  const where: Prisma.TransactionWhereInput = {
    userId,
    accountId: input.accountId,
    direction: input.direction,
    transactionDate: {
      gte: input.from ? fromCalendarDate(input.from) : undefined,
      lte: input.to ? fromCalendarDate(input.to) : undefined,
    },
  };
  const and: Prisma.TransactionWhereInput[] = [];
  if (input.category) {
    and.push({ OR: [{ userCategory: input.category }, { userCategory: null, category: input.category }] });
  }
  if (input.search) {
    const contains = { contains: escapeLike(input.search), mode: "insensitive" as const };
    and.push({ OR: [{ description: contains }, { merchantName: contains }, { notes: contains }] });
  }
  if (input.cursor) {
    const { date, id } = decodeCursor(input.cursor);
    and.push({ OR: [{ transactionDate: { lt: date } }, { transactionDate: date, id: { lt: id } }] });
  }
  where.AND = and;
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

export async function getTransaction(db: Db, userId: string, id: string) {
  const row = await db.transaction.findFirst({ where: { id, userId }, select: transactionSelect });
  if (!row) throw new AppError("NOT_FOUND", "Transaction not found");
  return toTransactionDto(row);
}
