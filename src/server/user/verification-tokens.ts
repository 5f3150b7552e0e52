/**
 * Single-use, expiring links for email verification and password reset. Only a SHA-256 of the
 * token is stored; issuing a new one of a kind retires the user's earlier ones.
 */
import type { Db } from "~/server/db";
import type { Prisma, TokenKind } from "~/server/db/generated/client";
import { generateSecretToken, hashSecret } from "~/server/security/secret-tokens";

const LIFETIME_MS: Record<TokenKind, number> = {
  EMAIL_VERIFICATION: 24 * 3600_000,
  PASSWORD_RESET: 3600_000,
};

type Client = Db | Prisma.TransactionClient;

export async function issueVerificationToken(db: Db, userId: string, kind: TokenKind): Promise<string> {
  const token = generateSecretToken();
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { userId, kind, usedAt: null } }),
    db.verificationToken.create({
      data: { userId, kind, tokenHash: hashSecret(token), expiresAt: new Date(Date.now() + LIFETIME_MS[kind]) },
    }),
  ]);
  return token;
}

/** The token's user, once: a second use, an expired token or one of another kind gives null. */
export async function consumeVerificationToken(db: Client, kind: TokenKind, token: string): Promise<string | null> {
  const now = new Date();
  const row = await db.verificationToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { id: true, userId: true, kind: true },
  });
  if (!row || row.kind !== kind) return null;
  // The conditional update is the single-use guarantee: of two concurrent uses only one matches.
  const { count } = await db.verificationToken.updateMany({
    where: { id: row.id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1 ? row.userId : null;
}
