import type { Db } from "~/server/db";
import { notFound } from "~/server/errors";

/**
 * An account id in a tool's input came from the model: it is only a filter if it is one of the
 * user's own accounts. Anyone else's id — guessed, remembered, injected — is "not found".
 */
export async function assertOwnAccount(db: Db, userId: string, accountId: string | undefined): Promise<void> {
  if (!accountId) return;
  const account = await db.bankAccount.findFirst({ where: { id: accountId, userId }, select: { id: true } });
  if (!account) throw notFound("Account");
}
