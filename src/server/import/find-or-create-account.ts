/**
 * The manual account an import goes into when the user names one that does not exist yet (the CLI's
 * --account): accounts without a bank connection, matched by name among the user's own.
 */
import type { Db } from "~/server/db";
import type { ParsedAccount } from "./parsed-file";

export async function findOrCreateImportAccount(
  db: Db,
  userId: string,
  name: string,
  hint: Partial<Pick<ParsedAccount, "type" | "currency" | "mask" | "balance">> = {},
): Promise<{ id: string; name: string; created: boolean }> {
  const trimmed = name.trim().slice(0, 255);
  const existing = await db.bankAccount.findFirst({
    where: { userId, name: trimmed, connectionId: null },
    select: { id: true, name: true },
    orderBy: { createdAt: "asc" },
  });
  if (existing) return { ...existing, created: false };
  const created = await db.bankAccount.create({
    data: {
      userId,
      name: trimmed,
      type: hint.type ?? "CHECKING",
      currency: hint.currency ?? "USD",
      mask: hint.mask ?? null,
      currentBalance: hint.balance ?? null,
    },
    select: { id: true, name: true },
  });
  return { ...created, created: true };
}
