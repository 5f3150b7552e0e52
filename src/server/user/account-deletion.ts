/**
 * "Delete my account": the provider stops sharing bank data first (so a provider outage stops
 * the deletion rather than leaving an item live), then every row of the user goes in one
 * statement (foreign keys cascade from users), then queued jobs that name the user's records.
 */
import { z } from "zod";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { verifyPassword } from "./password";
import { assertSecondFactor, requiresSecondFactor } from "./second-factor";

export const deleteAccountInput = z.object({
  /** Typed by the user, so a slip of the mouse deletes nothing. */
  confirm: z.literal("DELETE", { error: "Type DELETE to confirm" }),
  password: z.string().max(200).optional(),
  code: z.string().trim().max(40).optional(),
});

/** Told to the user before they confirm, and in docs/SECURITY.md. */
export const ACCOUNT_DELETION_KEEPS = [
  {
    what: "Security audit entries (sign-ins, two-factor and token changes, this deletion) with their time, IP address and browser",
    why: "They are detached from you (no user id, no email) and kept for the operator's audit retention, to investigate abuse of the service.",
  },
  {
    what: "Merchant names and categories the app learned across all users",
    why: "This shared cache holds no personal data and no link to you.",
  },
  {
    what: "Database backups taken before today",
    why: "They expire on the operator's backup schedule; a restore would not bring back a deleted account without your asking.",
  },
  {
    what: "Messages already delivered to you (email, Telegram) and what your bank and Plaid hold themselves",
    why: "They are outside this app. Plaid is told to stop sharing your bank data (the connection is removed at Plaid).",
  },
] as const;

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
