import type { Db } from "~/server/db";
import { sendEmail } from "~/server/email/send-email";
import { AppError } from "~/server/errors";
import { revokeAllUserSessions } from "~/server/auth/user-sessions";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { consumeRateLimit } from "~/server/security/rate-limits";
import { hashSecret } from "~/server/security/secret-tokens";
import { passwordResetEmail } from "./account-emails";
import { hashPassword } from "./password";
import { requestPasswordResetSchema, resetPasswordSchema } from "./schemas";
import { consumeVerificationToken, issueVerificationToken } from "./verification-tokens";

/**
 * Emails a reset link when the address has an account; answers the same either way. (Sign-up
 * already tells whether an address is taken, rate-limited; this does not add a second oracle.)
 */
export async function requestPasswordReset(db: Db, rawInput: unknown, meta: RequestMeta | null): Promise<{ ok: true }> {
  const { email } = requestPasswordResetSchema.parse(rawInput);
  await consumeRateLimit("password-reset", `email:${hashSecret(email)}`);
  const user = await db.user.findFirst({ where: { email, deletedAt: null }, select: { id: true, email: true } });
  if (user) {
    const token = await issueVerificationToken(db, user.id, "PASSWORD_RESET");
    await sendEmail(passwordResetEmail(user.email, token));
    await recordAudit(db, { userId: user.id, action: "password.reset_requested" }, meta);
  }
  return { ok: true };
}

/**
 * Sets the new password and signs out every device, in one transaction with using up the link.
 * Following the link proves the mailbox, so the address counts as verified. Two-factor stays on:
 * the next sign-in still asks for the code.
 */
export async function resetPassword(db: Db, rawInput: unknown, meta: RequestMeta | null): Promise<{ ok: true }> {
  const { token, password } = resetPasswordSchema.parse(rawInput);
  const passwordHash = await hashPassword(password);
  const userId = await db.$transaction(async (tx) => {
    const owner = await consumeVerificationToken(tx, "PASSWORD_RESET", token);
    if (!owner) return null;
    const user = await tx.user.findUnique({ where: { id: owner }, select: { emailVerified: true } });
    await tx.user.update({
      where: { id: owner },
      data: { passwordHash, emailVerified: user?.emailVerified ?? new Date() },
    });
    await revokeAllUserSessions(tx, owner);
    return owner;
  });
  if (!userId) throw new AppError("INVALID_INPUT", "This link has expired or was already used");
  await recordAudit(db, { userId, action: "password.reset" }, meta);
  return { ok: true };
}
