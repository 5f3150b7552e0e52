/**
 * RFC 6238 codes through otplib. Secrets are stored encrypted with the same keyring and format
 * as bank access tokens (src/server/bank/crypto), so one key rotation covers both
 * (reencryptTotpSecrets below). A code is accepted once: the time step it matched is
 * remembered in Redis for longer than the verification window.
 */
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { decryptAccessToken, encryptAccessToken } from "~/server/bank/crypto/access-token-cipher";
import type { Db } from "~/server/db";
import { env } from "~/server/env";
import { getRedis } from "~/server/redis";
import { redisReady } from "~/server/security/redis-ready";

const ISSUER = "Money Tracking";
// One 30-second step either side: phones' clocks drift, and people type slowly.
const TOLERANCE_SECONDS = 30;
const USED_STEP_TTL_SECONDS = 120;

export const newTotpSecret = () => generateSecret();
export const sealTotpSecret = (secret: string) => encryptAccessToken(secret);
export const openTotpSecret = (sealed: string) => decryptAccessToken(sealed);

export async function totpEnrollment(secret: string, accountLabel: string) {
  const otpauthUrl = generateURI({ issuer: ISSUER, label: accountLabel, secret });
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: "M", margin: 1, width: 220 });
  return { secret, otpauthUrl, qrDataUrl };
}

export async function verifyTotpCode(userId: string, secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS });
  if (!result.valid || !("timeStep" in result)) return false;
  await redisReady();
  const firstUse = await getRedis().set(
    `${env.REDIS_PREFIX}:totp-used:${userId}:${result.timeStep}`,
    "1",
    "EX",
    USED_STEP_TTL_SECONDS,
    "NX",
  );
  return firstUse === "OK";
}

/** After adding a key to ENCRYPTION_KEYS: re-seals every TOTP secret under the newest key. */
export async function reencryptTotpSecrets(db: Db): Promise<number> {
  const users = await db.user.findMany({
    where: { totpSecretEncrypted: { not: null } },
    select: { id: true, totpSecretEncrypted: true },
  });
  for (const user of users) {
    const sealed = sealTotpSecret(openTotpSecret(user.totpSecretEncrypted!));
    await db.user.updateMany({
      where: { id: user.id, totpSecretEncrypted: user.totpSecretEncrypted },
      data: { totpSecretEncrypted: sealed },
    });
  }
  return users.length;
}
