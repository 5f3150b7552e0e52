import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { revokeOtherUserSessions } from "~/server/auth/user-sessions";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { rateLimited } from "~/server/security/rate-limits";
import { recordSignInFailure, signInRetryAfter } from "~/server/security/sign-in-throttle";
import { hashPassword, verifyPassword } from "./password";
import { changePasswordSchema } from "./schemas";

/** Needs the current password; every other device is signed out, this one stays. */
export async function changePassword(
  db: Db,
  actor: { userId: string; sessionId: string },
  rawInput: unknown,
  meta: RequestMeta | null,
): Promise<{ signedOutSessions: number }> {
  const { currentPassword, newPassword } = changePasswordSchema.parse(rawInput);
  const user = await db.user.findFirst({
    where: { id: actor.userId, deletedAt: null },
    select: { email: true, passwordHash: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  if (!user.passwordHash) {
    throw new AppError("INVALID_INPUT", "This account signs in with Google; use “Forgot password” to add a password");
  }
  // A stolen session must not become a way to guess the password: same throttle as sign-in.
  const wait = await signInRetryAfter(user.email, meta?.ipAddress ?? null);
  if (wait > 0) throw rateLimited(wait * 1000);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordSignInFailure(user.email, meta?.ipAddress ?? null);
    throw new AppError("FORBIDDEN", "The current password is not right");
  }
  await db.user.update({ where: { id: actor.userId }, data: { passwordHash: await hashPassword(newPassword) } });
  const signedOutSessions = await revokeOtherUserSessions(db, actor.userId, actor.sessionId);
  await recordAudit(db, { userId: actor.userId, action: "password.changed" }, meta);
  return { signedOutSessions };
}
