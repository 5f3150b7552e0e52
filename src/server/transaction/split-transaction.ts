/**
 * Splitting one transaction across categories (a supermarket bill that was half groceries, half
 * household). The parts are stored beside the transaction, which itself stays as the bank sent it.
 */
import { z } from "zod";
import type { Db } from "~/server/db";
import { AppError, notFound } from "~/server/errors";
import { afterTransactionsChanged } from "./after-transactions-changed";
import { resolveCategory } from "./categories";
import { fromMinorUnits, toMinorUnits } from "./money";
import { decimalString } from "./money-schemas";
import { describeSplitProblem, findSplitProblem } from "./split-parts";

export const splitPartInput = z.object({
  /** Signed like the transaction: negative parts for a debit. */
  amount: decimalString,
  category: z.string().trim().min(1).max(100),
  notes: z.string().trim().max(200).nullish(),
});

export const setSplitsInput = z.object({
  id: z.uuid(),
  /** Two or more parts; none removes the split. */
  parts: z
    .array(splitPartInput)
    .max(20)
    .refine((parts) => parts.length !== 1, "A split needs at least two parts"),
});

export type SplitView = {
  transactionId: string;
  amount: string;
  currency: string;
  parts: { id: string; amount: string; category: string; notes: string | null }[];
};

async function ownTransaction(db: Db, userId: string, id: string) {
  const row = await db.transaction.findFirst({ where: { id, userId }, select: { amount: true, currency: true } });
  if (!row) throw notFound("Transaction");
  return { amount: row.amount.toFixed(2), currency: row.currency };
}

export async function getSplits(db: Db, userId: string, id: string): Promise<SplitView> {
  const { amount, currency } = await ownTransaction(db, userId, id);
  const rows = await db.transactionSplit.findMany({
    where: { userId, transactionId: id },
    select: { id: true, amount: true, category: true, notes: true },
    orderBy: { category: "asc" },
  });
  return {
    transactionId: id,
    amount,
    currency,
    // Largest first whichever way the money went.
    parts: rows
      .map((r) => ({ id: r.id, amount: r.amount.toFixed(2), category: r.category, notes: r.notes }))
      .sort((a, b) => Number(abs(b.amount) - abs(a.amount))),
  };
}

const abs = (amount: string) => {
  const units = toMinorUnits(amount);
  return units < 0n ? -units : units;
};

/** Replaces the transaction's parts; refuses parts that do not add up to it exactly. */
export async function setSplits(db: Db, userId: string, rawInput: z.input<typeof setSplitsInput>) {
  const input = setSplitsInput.parse(rawInput);
  const { amount } = await ownTransaction(db, userId, input.id);
  const problem =
    input.parts.length > 0 &&
    findSplitProblem(
      amount,
      input.parts.map((p) => p.amount),
    );
  if (problem) throw new AppError("INVALID_INPUT", describeSplitProblem(problem), { problem });
  const slugs = await Promise.all(
    input.parts.map(async (part) => {
      const { primary, detailed } = await resolveCategory(db, userId, part.category);
      return detailed ?? primary;
    }),
  );
  await db.$transaction([
    db.transactionSplit.deleteMany({ where: { userId, transactionId: input.id } }),
    db.transactionSplit.createMany({
      data: input.parts.map((part, i) => ({
        userId,
        transactionId: input.id,
        amount: fromMinorUnits(toMinorUnits(part.amount)),
        category: slugs[i]!,
        notes: part.notes || null,
      })),
    }),
  ]);
  await afterTransactionsChanged(db, userId, [input.id]);
  return getSplits(db, userId, input.id);
}
