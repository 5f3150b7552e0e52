/**
 * Enrolment: a new secret is stored (encrypted) but not yet enforced; a correct code from the
 * app turns two-factor on, returns ten recovery codes (shown once) and signs out other devices,
 * which never passed the second factor. Turning it off or renewing recovery codes needs a
 * fresh code.
 */
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { revokeOtherUserSessions } from "~/server/auth/user-sessions";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { consumeRateLimit, resetRateLimit } from "~/server/security/rate-limits";
import { recoveryCodesLeft, replaceRecoveryCodes } from "./recovery-codes";
import { assertSecondFactor } from "./second-factor";
import { newTotpSecret, openTotpSecret, sealTotpSecret, totpEnrollment, verifyTotpCode } from "./totp";

type Actor = { userId: string; sessionId: string };

async function loadUser(db: Db, userId: string) {
  const user = await db.user.findFirst({
    where: { id: userId, deletedAt: null },
    select: { email: true, totpSecretEncrypted: true, totpEnabledAt: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  return user;
}

export async function twoFactorStatus(db: Db, userId: string) {
  const user = await loadUser(db, userId);
  return {
    enabled: Boolean(user.totpEnabledAt),
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft: user.totpEnabledAt ? await recoveryCodesLeft(db, userId) : 0,
  };
}

export async function startTwoFactorEnrollment(db: Db, userId: string) {
  const user = await loadUser(db, userId);
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor authentication is already on");
  const secret = newTotpSecret();
  await db.user.update({ where: { id: userId }, data: { totpSecretEncrypted: sealTotpSecret(secret) } });
  return totpEnrollment(secret, user.email);
}

export async function confirmTwoFactorEnrollment(db: Db, actor: Actor, code: string, meta: RequestMeta | null) {
  const user = await loadUser(db, actor.userId);
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "Two-factor authentication is already on");
  if (!user.totpSecretEncrypted) throw new AppError("INVALID_INPUT", "Start setting up two-factor first");
  await consumeRateLimit("two-factor", actor.userId);
  if (!(await verifyTotpCode(actor.userId, openTotpSecret(user.totpSecretEncrypted), code.trim()))) {
    throw new AppError("FORBIDDEN", "That code is not right; check the time on your phone and try the next one");
  }
  await resetRateLimit("two-factor", actor.userId);
  const recoveryCodes = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { totpEnabledAt: new Date() } });
    return replaceRecoveryCodes(tx, actor.userId);
  });
  const signedOutSessions = await revokeOtherUserSessions(db, actor.userId, actor.sessionId);
  await recordAudit(db, { userId: actor.userId, action: "two_factor.enabled" }, meta);
  return { recoveryCodes, signedOutSessions };
}

export async function disableTwoFactor(db: Db, userId: string, code: string, meta: RequestMeta | null) {
  await assertSecondFactor(db, userId, code, meta);
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { totpEnabledAt: null, totpSecretEncrypted: null } }),
    db.recoveryCode.deleteMany({ where: { userId } }),
  ]);
  await recordAudit(db, { userId, action: "two_factor.disabled" }, meta);
  return { enabled: false };
}

export async function regenerateRecoveryCodes(db: Db, userId: string, code: string, meta: RequestMeta | null) {
  await assertSecondFactor(db, userId, code, meta);
  const recoveryCodes = await replaceRecoveryCodes(db, userId);
  await recordAudit(db, { userId, action: "two_factor.recovery_codes_regenerated" }, meta);
  return { recoveryCodes };
}
