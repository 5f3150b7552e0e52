/** Builders for the account and security tests: users with real passwords, two-factor, tokens. */
import { randomUUID } from "node:crypto";
import { generate } from "otplib";
import { Redis } from "ioredis";
import type { Db } from "~/server/db";
import type { RequestMeta } from "~/server/security/client-info";
import { hashPassword } from "~/server/user/password";
import { confirmTwoFactorEnrollment, startTwoFactorEnrollment } from "~/server/user/two-factor";

export const PASSWORD = "correct horse battery";

export const device = (ipAddress = "203.0.113.7"): RequestMeta => ({
  ipAddress,
  userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
  requestId: "test",
});

export async function createUserWithPassword(db: Db, data: { emailVerified?: Date | null } = {}) {
  return db.user.create({
    data: {
      email: `person-${randomUUID()}@example.com`,
      passwordHash: await hashPassword(PASSWORD),
      emailVerified: data.emailVerified ?? null,
      preferences: { create: {} },
    },
    select: { id: true, email: true },
  });
}

/** A code for the time step `steps` away from now (the verifier accepts one either side). */
export const totpCode = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/** Each code is accepted once per time step; tests that need many codes forget the used steps. */
export async function forgetUsedTotpSteps(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL!);
  const keys = await redis.keys(`${process.env.REDIS_PREFIX}:totp-used:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}

export async function enableTwoFactor(db: Db, user: { id: string }) {
  const { secret } = await startTwoFactorEnrollment(db, user.id);
  const { recoveryCodes } = await confirmTwoFactorEnrollment(
    db,
    { userId: user.id, sessionId: randomUUID() },
    await totpCode(secret),
    device(),
  );
  await forgetUsedTotpSteps();
  return { secret, recoveryCodes };
}
