/**
 * OAuth sign-in for an account with two-factor on stops half-way: instead of a session the user
 * gets a challenge (a random id in Redis, 5 minutes, bound to the user) and a page that asks
 * for the code. Only a correct code turns the challenge into a session, once.
 */
import { z } from "zod";
import type { Db } from "~/server/db";
import { env } from "~/server/env";
import { getRedis } from "~/server/redis";
import type { RequestMeta } from "~/server/security/client-info";
import { redisReady } from "~/server/security/redis-ready";
import { generateSecretToken, hashSecret } from "~/server/security/secret-tokens";
import { type SignedIn, openSignedInSession, passSecondFactor } from "./password-sign-in";
import { SIGN_IN_ERROR } from "./sign-in-errors";

const TTL_SECONDS = 300;
const keyOf = (challenge: string) => `${env.REDIS_PREFIX}:2fa-challenge:${hashSecret(challenge)}`;

const challengeCredentials = z.object({
  challenge: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
  code: z.string().trim().min(1).max(40),
});

export async function createTwoFactorChallenge(userId: string, method: "google"): Promise<string> {
  const challenge = generateSecretToken();
  await redisReady();
  await getRedis().set(keyOf(challenge), JSON.stringify({ userId, method }), "EX", TTL_SECONDS);
  return challenge;
}

export async function completeTwoFactorChallenge(
  db: Db,
  credentials: unknown,
  meta: RequestMeta,
): Promise<SignedIn | null> {
  const parsed = challengeCredentials.safeParse(credentials);
  if (!parsed.success) return null;
  await redisReady();
  const stored = await getRedis().get(keyOf(parsed.data.challenge));
  const pending = stored ? z.object({ userId: z.uuid(), method: z.literal("google") }).parse(JSON.parse(stored)) : null;
  if (!pending) throw new Error(SIGN_IN_ERROR.twoFactorChallengeExpired);
  const user = await db.user.findFirst({
    where: { id: pending.userId, deletedAt: null },
    select: { id: true, email: true },
  });
  if (!user) throw new Error(SIGN_IN_ERROR.twoFactorChallengeExpired);
  const secondFactor = await passSecondFactor(db, user.id, parsed.data.code, meta);
  // Of two correct answers racing, only the one that deletes the challenge gets a session.
  if ((await getRedis().del(keyOf(parsed.data.challenge))) !== 1)
    throw new Error(SIGN_IN_ERROR.twoFactorChallengeExpired);
  return openSignedInSession(db, user, meta, { method: pending.method, secondFactor });
}
