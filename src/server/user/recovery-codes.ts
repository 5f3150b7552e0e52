/**
 * One-time recovery codes for a lost authenticator: ten codes of 16 base32 characters (80 bits,
 * so a plain SHA-256 is enough to store them), shown once when generated.
 */
import { randomInt } from "node:crypto";
import type { Db } from "~/server/db";
import type { Prisma } from "~/server/db/generated/client";
import { hashSecret } from "~/server/security/secret-tokens";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const COUNT = 10;
const LENGTH = 16;

/** Case, spaces and dashes do not matter when a code is typed back. */
export const normalizeRecoveryCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, "");

function newRecoveryCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return chars.match(/.{4}/g)!.join("-");
}

/** Replaces every earlier code; returns the new ones in clear, to be shown once. */
export async function replaceRecoveryCodes(db: Db | Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = Array.from({ length: COUNT }, newRecoveryCode);
  await db.recoveryCode.deleteMany({ where: { userId } });
  await db.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeHash: hashSecret(normalizeRecoveryCode(code)) })),
  });
  return codes;
}

export async function redeemRecoveryCode(db: Db, userId: string, code: string): Promise<boolean> {
  const normalized = normalizeRecoveryCode(code);
  if (normalized.length !== LENGTH) return false;
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashSecret(normalized), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

export const recoveryCodesLeft = (db: Db, userId: string) => db.recoveryCode.count({ where: { userId, usedAt: null } });
