import { getServerSession } from "next-auth";
import { z } from "zod";
import { db } from "~/server/db";
import { authOptions } from "./options";
import { touchUserSession } from "./user-sessions";

export type AppSession = { user: { id: string; email: string }; sessionId: string };

const sessionShape = z.object({ user: z.object({ id: z.uuid(), email: z.string() }), sessionId: z.uuid() });

/** The signed-in user of this request, or null. A JWT whose session row was revoked counts as signed out. */
export async function getAppSession(): Promise<AppSession | null> {
  const parsed = sessionShape.safeParse(await getServerSession(authOptions));
  if (!parsed.success) return null;
  const { user, sessionId } = parsed.data;
  return (await touchUserSession(db, user.id, sessionId)) ? parsed.data : null;
}
