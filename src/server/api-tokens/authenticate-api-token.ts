/**
 * `Authorization: Bearer mt_…` for the REST API. Looked up on every request (no cache), so a
 * revoked or expired token stops working at once. Session cookies are never accepted here:
 * without ambient credentials the REST API needs no CSRF defence.
 */
import type { Db } from "~/server/db";
import { AppError } from "~/server/errors";
import { consumeRateLimit } from "~/server/security/rate-limits";
import { hashSecret } from "~/server/security/secret-tokens";
import type { ApiTokenScope } from "./api-token-schemas";
import { API_TOKEN_PREFIX } from "./manage-api-tokens";

export type ApiCaller = { userId: string; tokenId: string; scope: ApiTokenScope };

// Writing last-used on every call would turn reads into writes; a minute is precise enough to show.
const LAST_USED_RESOLUTION_MS = 60_000;

const unauthorized = () => new AppError("UNAUTHORIZED", "Send a valid API token as 'Authorization: Bearer mt_…'");

export async function authenticateApiToken(db: Db, authorization: string | null): Promise<ApiCaller> {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  const token = match?.[1];
  if (!token?.startsWith(API_TOKEN_PREFIX) || token.length > 100) throw unauthorized();
  const now = new Date();
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      id: true,
      userId: true,
      scope: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { deletedAt: true } },
    },
  });
  if (!found || found.revokedAt || (found.expiresAt && found.expiresAt <= now) || found.user.deletedAt) {
    throw unauthorized();
  }
  await consumeRateLimit("api-token", found.id);
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.updateMany({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return { userId: found.userId, tokenId: found.id, scope: found.scope };
}

export function assertScope(caller: ApiCaller, needed: ApiTokenScope): void {
  if (needed === "READ_WRITE" && caller.scope !== "READ_WRITE") {
    throw new AppError("FORBIDDEN", "This token is read-only; create a read-write token to make changes");
  }
}
