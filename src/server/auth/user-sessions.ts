import type { Db } from "~/server/db";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

// Writing last-used on every request would turn reads into writes; once a minute is enough to show "last active".
const LAST_USED_RESOLUTION_MS = 60_000;

export async function openUserSession(
  db: Db,
  userId: string,
  device: { userAgent: string | null; ipAddress: string | null },
): Promise<string> {
  const session = await db.userSession.create({
    data: { userId, ...device, expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) },
    select: { id: true },
  });
  return session.id;
}

/** True while the session row exists, is not revoked and not expired. Revoking a row ends the session at once. */
export async function touchUserSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const now = new Date();
  const session = await db.userSession.findFirst({
    where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now } },
    select: { lastUsedAt: true },
  });
  if (!session) return false;
  if (now.getTime() - session.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.userSession.updateMany({ where: { id: sessionId, userId }, data: { lastUsedAt: now } });
  }
  return true;
}

export async function revokeUserSession(db: Db, userId: string, sessionId: string): Promise<void> {
  await db.userSession.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
