import { z } from "zod";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { afterTransactionsChanged } from "./after-transactions-changed";
import { resolveCategory } from "./categories";

export const setCategoryInput = z.object({
  ids: z.array(z.uuid()).min(1).max(500),
  category: z.string().trim().min(1).max(100),
  /** Also recategorize the user's other (earlier) transactions from the same merchants. */
  applyToMerchant: z.boolean().default(false),
});

/**
 * The user's word is final: it is stored beside the automatic category (never over it), and it
 * becomes the user's own category for those merchants, which the categorizer consults first — one
 * correction teaches every later transaction from the merchant. `applyToMerchant` also changes
 * the ones already there.
 */
export async function setCategory(db: Db, userId: string, rawInput: z.input<typeof setCategoryInput>) {
  const input = setCategoryInput.parse(rawInput);
  const { primary, detailed } = await resolveCategory(db, userId, input.category);
  const result = await recordUserCategory(db, userId, input, { primary, detailed });
  await afterTransactionsChanged(db, userId, result.ids);
  return result;
}

async function recordUserCategory(
  db: Db,
  userId: string,
  input: z.infer<typeof setCategoryInput>,
  { primary, detailed }: { primary: string; detailed: string | null },
) {
  return db.$transaction(async (tx) => {
    const selected = await tx.transaction.findMany({
      where: { userId, id: { in: input.ids } },
      select: { id: true, merchantKey: true, merchantName: true },
    });
    if (selected.length !== new Set(input.ids).size) throw new AppError("NOT_FOUND", "Transaction not found");
    const data = { userCategory: primary, userCategoryDetailed: detailed, reviewedAt: new Date() };
    await tx.transaction.updateMany({ where: { userId, id: { in: input.ids } }, data });
    const changed = new Set(input.ids);
    const merchants = new Map(
      selected.flatMap((t) => (t.merchantKey ? [[t.merchantKey, t.merchantName] as const] : [])),
    );
    for (const [merchantKey, displayName] of merchants) {
      await tx.userMerchantCategory.upsert({
        where: { userId_merchantKey: { userId, merchantKey } },
        create: { userId, merchantKey, category: detailed ?? primary, displayName },
        update: { category: detailed ?? primary },
      });
    }
    if (input.applyToMerchant) {
      const keys = [...merchants.keys()];
      // A merchant key is also the row's merchant group, which is what the index holds.
      const sameMerchant = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM transactions
         WHERE user_id = ${userId}::uuid AND merchant_group = ANY(${keys}) AND merchant_key = ANY(${keys})
           AND NOT id = ANY(${input.ids}::uuid[])`;
      await tx.transaction.updateMany({ where: { userId, id: { in: sameMerchant.map((t) => t.id) } }, data });
      for (const { id } of sameMerchant) changed.add(id);
    }
    return { updated: changed.size, ids: [...changed] };
  });
}

export const setNotesInput = z.object({
  id: z.uuid(),
  notes: z.string().max(2000).nullable(),
  tags: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(40)
        .regex(/^[^,<>]+$/, "Tags cannot contain commas or angle brackets"),
    )
    .max(20)
    .transform((tags) => [...new Set(tags)]),
});

export async function setNotes(db: Db, userId: string, input: z.infer<typeof setNotesInput>) {
  const { count } = await db.transaction.updateMany({
    where: { id: input.id, userId },
    data: { notes: input.notes?.trim() || null, tags: input.tags },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "Transaction not found");
  return { id: input.id };
}
