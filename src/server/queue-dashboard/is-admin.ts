import type { AppSession } from "~/server/auth/session";
import { env } from "~/server/env";

/** An operator is a signed-in user whose email is listed in ADMIN_EMAILS; nobody is, by default. */
export function isAdmin(session: AppSession | null, adminEmails: readonly string[] = env.ADMIN_EMAILS): boolean {
  return session !== null && adminEmails.includes(session.user.email.toLowerCase());
}
