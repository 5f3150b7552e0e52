/** The sessions list's buttons, each recorded in the audit log. Revoking a row ends that session at once. */
import type { Db } from "~/server/db";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { revokeAllUserSessions, revokeOtherUserSessions, revokeOwnSession } from "./user-sessions";

type Actor = { userId: string; sessionId: string };

export async function signOutDevice(db: Db, actor: Actor, sessionId: string, meta: RequestMeta | null) {
  await revokeOwnSession(db, actor.userId, sessionId);
  await recordAudit(
    db,
    { userId: actor.userId, action: "session.revoked", resourceType: "session", resourceId: sessionId },
    meta,
  );
  return { id: sessionId };
}

export async function signOutOtherDevices(db: Db, actor: Actor, meta: RequestMeta | null) {
  const count = await revokeOtherUserSessions(db, actor.userId, actor.sessionId);
  await recordAudit(db, { userId: actor.userId, action: "sessions.revoked_others", metadata: { count } }, meta);
  return { count };
}

/** This device included. */
export async function signOutEverywhere(db: Db, actor: Actor, meta: RequestMeta | null) {
  const count = await revokeAllUserSessions(db, actor.userId);
  await recordAudit(db, { userId: actor.userId, action: "sessions.revoked_all", metadata: { count } }, meta);
  return { count };
}
