import { db } from "~/server/db";
import { readSessionCookie } from "./session-cookie";
import { touchUserSession } from "./user-sessions";

export type AppSession = { user: { id: string; email: string }; sessionId: string };

/** The signed-in user of this request, or null. A JWT whose session row was revoked counts as signed out. */
export async function getAppSession(): Promise<AppSession | null> {
  const session = await readSessionCookie();
  if (!session) return null;
  return (await touchUserSession(db, session.user.id, session.sessionId)) ? session : null;
}
