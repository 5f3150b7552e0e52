import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { consumeRateLimit, resetRateLimit } from "~/server/security/rate-limits";
import { redeemRecoveryCode } from "./recovery-codes";
import { openTotpSecret, verifyTotpCode } from "./totp";

export type SecondFactor = "totp" | "recovery-code";

/** Whether this user must give a second factor (two-factor is on). */
export async function requiresSecondFactor(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return Boolean(user?.totpEnabledAt);
}

/**
 * Checks a six-digit code or an unused recovery code; every attempt counts against the user's
 * two-factor limit (5 per 5 minutes), so codes cannot be guessed by volume. Null when wrong.
 */
export async function checkSecondFactor(
  db: Db,
  userId: string,
  code: string,
  meta: RequestMeta | null,
): Promise<SecondFactor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { totpSecretEncrypted: true, totpEnabledAt: true },
  });
  if (!user?.totpEnabledAt || !user.totpSecretEncrypted) return null;
  await consumeRateLimit("two-factor", userId);
  const trimmed = code.trim().replace(/\s/g, "");
  let factor: SecondFactor | null = null;
  if (/^\d{6}$/.test(trimmed)) {
    if (await verifyTotpCode(userId, openTotpSecret(user.totpSecretEncrypted), trimmed)) factor = "totp";
  } else if (await redeemRecoveryCode(db, userId, trimmed)) {
    factor = "recovery-code";
    await recordAudit(db, { userId, action: "two_factor.recovery_code_used" }, meta);
  }
  if (factor) await resetRateLimit("two-factor", userId);
  else await recordAudit(db, { userId, action: "two_factor.failed" }, meta);
  return factor;
}

/** For actions that need a fresh code (disable two-factor, new API token …): throws when it is wrong. */
export async function assertSecondFactor(db: Db, userId: string, code: string | undefined, meta: RequestMeta | null) {
  if (!code) throw new AppError("FORBIDDEN", "Enter a code from your authenticator app");
  if (!(await checkSecondFactor(db, userId, code, meta))) {
    throw new AppError("FORBIDDEN", "That code is not right");
  }
}
