import type { Db } from "~/server/db";
import type { Prisma } from "~/server/db/generated/client";
import { AppError } from "~/server/errors";
import { describeDevice } from "./describe-device";

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

export async function revokeUserSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db.userSession.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

/** Signs out one of the user's own devices; another user's session id is simply not found. */
export async function revokeOwnSession(db: Db, userId: string, sessionId: string): Promise<void> {
  if (!(await revokeUserSession(db, userId, sessionId))) throw new AppError("NOT_FOUND", "Session not found");
}

/** Every device but this one: after a password change, enabling two-factor, "sign out other devices". */
export async function revokeOtherUserSessions(db: Db, userId: string, keepSessionId: string): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null, id: { not: keepSessionId } },
    data: { revokedAt: new Date() },
  });
  return count;
}

/** "Sign out everywhere", password reset: this device too. */
export async function revokeAllUserSessions(db: Db | Prisma.TransactionClient, userId: string): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}

export async function listUserSessions(db: Db, userId: string, currentSessionId: string | null) {
  const sessions = await db.userSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastUsedAt: "desc" },
    select: { id: true, userAgent: true, ipAddress: true, createdAt: true, lastUsedAt: true },
  });
  return sessions.map(({ userAgent, ...session }) => ({
    ...session,
    device: describeDevice(userAgent),
    current: session.id === currentSessionId,
  }));
}
