import type { Db } from "~/server/db";
import { sendEmail } from "~/server/email/send-email";
import { AppError } from "~/server/errors";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { consumeRateLimit } from "~/server/security/rate-limits";
import { verificationEmail } from "./account-emails";
import { consumeVerificationToken, issueVerificationToken } from "./verification-tokens";

/** Sends a fresh confirmation link, unless the address is already confirmed. */
export async function sendVerificationEmail(
  db: Db,
  userId: string,
  meta: RequestMeta | null,
): Promise<{ sent: boolean }> {
  const user = await db.user.findFirst({
    where: { id: userId, deletedAt: null },
    select: { email: true, emailVerified: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  if (user.emailVerified) return { sent: false };
  await consumeRateLimit("email-verification", userId);
  const token = await issueVerificationToken(db, userId, "EMAIL_VERIFICATION");
  await sendEmail(verificationEmail(user.email, token));
  await recordAudit(db, { userId, action: "email.verification_sent" }, meta);
  return { sent: true };
}

export async function verifyEmail(db: Db, token: string, meta: RequestMeta | null): Promise<{ verified: true }> {
  const userId = await consumeVerificationToken(db, "EMAIL_VERIFICATION", token);
  if (!userId) throw new AppError("INVALID_INPUT", "This link has expired or was already used");
  await db.user.updateMany({ where: { id: userId, emailVerified: null }, data: { emailVerified: new Date() } });
  await recordAudit(db, { userId, action: "email.verified" }, meta);
  return { verified: true };
}
