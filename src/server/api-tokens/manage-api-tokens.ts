/**
 * Personal API tokens for scripts: "mt_" + 32 random bytes, shown once. Only a SHA-256 is kept,
 * with the first characters to recognise it by. Creating one needs a fresh two-factor code when
 * two-factor is on, so a token is never a way around it.
 */
import type { z } from "zod";
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { generateSecretToken, hashSecret } from "~/server/security/secret-tokens";
import { assertSecondFactor, requiresSecondFactor } from "~/server/user/second-factor";
import { createApiTokenInput } from "./api-token-schemas";

export const API_TOKEN_PREFIX = "mt_";
const SHOWN_PREFIX_LENGTH = 10;
const MAX_ACTIVE_TOKENS = 50;

const tokenSelect = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  expiresAt: true,
  lastUsedAt: true,
  createdAt: true,
} as const;

export async function createApiToken(
  db: Db,
  userId: string,
  rawInput: z.input<typeof createApiTokenInput>,
  meta: RequestMeta | null,
) {
  const input = createApiTokenInput.parse(rawInput);
  if (await requiresSecondFactor(db, userId)) await assertSecondFactor(db, userId, input.code, meta);
  const active = await db.apiToken.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_ACTIVE_TOKENS) throw new AppError("CONFLICT", "Revoke an unused token first");
  const token = generateSecretToken(API_TOKEN_PREFIX);
  const created = await db.apiToken.create({
    data: {
      userId,
      name: input.name,
      scope: input.scope,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    },
    select: tokenSelect,
  });
  await recordAudit(
    db,
    {
      userId,
      action: "api_token.created",
      resourceType: "api_token",
      resourceId: created.id,
      metadata: { name: input.name, scope: input.scope },
    },
    meta,
  );
  return { ...created, token };
}

export async function listApiTokens(db: Db, userId: string) {
  return db.apiToken.findMany({
    where: { userId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: tokenSelect,
  });
}

export async function revokeApiToken(db: Db, userId: string, id: string, meta: RequestMeta | null) {
  const { count } = await db.apiToken.updateMany({
    where: { id, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "Token not found");
  await recordAudit(db, { userId, action: "api_token.revoked", resourceType: "api_token", resourceId: id }, meta);
  return { id };
}
