/**
 * "Delete my account": the provider stops sharing bank data first (so a provider outage stops
 * the deletion rather than leaving an item live), then every row of the user goes in one
 * statement (foreign keys cascade from users), then queued jobs that name the user's records.
 * What is kept, and why, is in account-deletion-policy.ts.
 */
import type { z } from "zod";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { deleteAccountInput } from "./account-deletion-policy";
import { verifyPassword } from "./password";
import { assertSecondFactor, requiresSecondFactor } from "./second-factor";

export type OwnedIds = { userId: string; connectionIds: string[]; notificationIds: string[] };

export type AccountDeletionDeps = {
  /** Revokes the user's bank connections at the provider (src/server/bank). */
  removeBankItems: (userId: string) => Promise<void>;
  /** Drops waiting jobs that carry any of these ids; returns how many. */
  removeQueuedJobs: (owned: OwnedIds) => Promise<number>;
};

async function assertReauthenticated(
  db: Db,
  userId: string,
  input: z.infer<typeof deleteAccountInput>,
  meta: RequestMeta | null,
) {
  const user = await db.user.findFirst({ where: { id: userId, deletedAt: null }, select: { passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  if (user.passwordHash && !(input.password && (await verifyPassword(user.passwordHash, input.password)))) {
    throw new AppError("FORBIDDEN", "The password is not right");
  }
  if (await requiresSecondFactor(db, userId)) await assertSecondFactor(db, userId, input.code, meta);
}

export async function deleteAccount(
  db: Db,
  userId: string,
  rawInput: unknown,
  deps: AccountDeletionDeps,
  meta: RequestMeta | null,
): Promise<{ deleted: true; removedJobs: number }> {
  const input = deleteAccountInput.parse(rawInput);
  await assertReauthenticated(db, userId, input, meta);
  await deps.removeBankItems(userId);

  const [connections, notifications] = await Promise.all([
    db.bankConnection.findMany({ where: { userId }, select: { id: true } }),
    db.notification.findMany({ where: { userId }, select: { id: true } }),
  ]);
  const owned: OwnedIds = {
    userId,
    connectionIds: connections.map((c) => c.id),
    notificationIds: notifications.map((n) => n.id),
  };
  await recordAudit(db, { userId, action: "account.deleted" }, meta);
  // Cascades to every user-owned table; audit_logs.user_id is set null (schema.prisma).
  await db.user.delete({ where: { id: userId } });
  const removedJobs = await deps.removeQueuedJobs(owned);
  return { deleted: true, removedJobs };
}
