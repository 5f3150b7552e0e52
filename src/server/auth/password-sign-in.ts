/**
 * The credentials sign-in, in order: the growing-delay throttle, the password, the second
 * factor when two-factor is on, then a session row. Only this and the OAuth paths below open
 * sessions, and every one of them passes the second-factor check.
 */
import { z } from "zod";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { clearSignInFailures, recordSignInFailure, signInRetryAfter } from "~/server/security/sign-in-throttle";
import { authenticate } from "~/server/user/authenticate";
import { signInSchema } from "~/server/user/schemas";
import { checkSecondFactor, requiresSecondFactor } from "~/server/user/second-factor";
import { SIGN_IN_ERROR, rateLimitedError } from "./sign-in-errors";
import { openUserSession } from "./user-sessions";

export type SignedIn = { id: string; email: string; sessionId: string };

const credentialsSchema = signInSchema.extend({ totp: z.string().trim().max(40).optional() });

export async function signInWithPassword(db: Db, credentials: unknown, meta: RequestMeta): Promise<SignedIn | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password, totp } = parsed.data;
  const ip = meta.ipAddress;

  const wait = await signInRetryAfter(email, ip);
  if (wait > 0) {
    await recordAudit(db, { userId: await userIdOf(db, email), action: "sign_in.throttled" }, meta);
    throw rateLimitedError(wait);
  }
  const user = await authenticate(db, { email, password });
  if (!user) {
    const delay = await recordSignInFailure(email, ip);
    await recordAudit(db, { userId: await userIdOf(db, email), action: "sign_in.failed", metadata: { delay } }, meta);
    return null;
  }
  const secondFactor = await passSecondFactor(db, user.id, totp, meta);
  await clearSignInFailures(email);
  return openSignedInSession(db, user, meta, { method: "password", secondFactor });
}

/** Null when the account has two-factor off; throws the sign-in error the form understands otherwise. */
export async function passSecondFactor(db: Db, userId: string, code: string | undefined, meta: RequestMeta) {
  if (!(await requiresSecondFactor(db, userId))) return null;
  if (!code) throw new Error(SIGN_IN_ERROR.twoFactorRequired);
  try {
    const factor = await checkSecondFactor(db, userId, code, meta);
    if (!factor) throw new Error(SIGN_IN_ERROR.twoFactorInvalid);
    return factor;
  } catch (error) {
    const retryAfter = error instanceof AppError ? error.details?.retryAfterSeconds : undefined;
    if (typeof retryAfter === "number") throw rateLimitedError(retryAfter);
    throw error;
  }
}

export async function openSignedInSession(
  db: Db,
  user: { id: string; email: string },
  meta: RequestMeta,
  how: { method: "password" | "google"; secondFactor: string | null },
): Promise<SignedIn> {
  const sessionId = await openUserSession(db, user.id, { userAgent: meta.userAgent, ipAddress: meta.ipAddress });
  await recordAudit(db, { userId: user.id, action: "sign_in.succeeded", metadata: how }, meta);
  return { id: user.id, email: user.email, sessionId };
}

async function userIdOf(db: Db, email: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  return user?.id ?? null;
}
