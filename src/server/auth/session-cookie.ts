/**
 * The claims of this request's session cookie (next-auth's JWT), decoded here rather than through
 * next-auth's getServerSession, which runs its whole session endpoint per call (a CSRF token,
 * re-sealing a cookie it cannot set from a route handler): the same token, key and checks, a
 * fraction of the work (docs/BENCHMARKS.md). Whether the session is still open is getAppSession's.
 */
import { cookies } from "next/headers";
import { z } from "zod";
import { authSecret } from "~/server/env";
import { sessionCookieName } from "./options";
import { decodeSessionJwt } from "./session-jwt";

const sessionClaims = z.object({ uid: z.uuid(), sid: z.uuid(), email: z.string().nullish() });

/** The cookie's value; next-auth splits one over 4 kB into `<name>.0`, `<name>.1`, … */
async function sessionToken(): Promise<string | null> {
  const jar = await cookies();
  const whole = jar.get(sessionCookieName)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${sessionCookieName}.`))
    .sort((a, b) => Number(a.name.split(".").pop()) - Number(b.name.split(".").pop()));
  return chunks.length ? chunks.map((c) => c.value).join("") : null;
}

/** The signed-in user and session id the cookie names, or null (none, forged, expired, another secret's). */
export async function readSessionCookie(): Promise<{ user: { id: string; email: string }; sessionId: string } | null> {
  const token = await sessionToken();
  if (!token) return null;
  const claims = sessionClaims.safeParse(await decodeSessionJwt({ token, secret: authSecret }).catch(() => null));
  if (!claims.success) return null;
  return { user: { id: claims.data.uid, email: claims.data.email ?? "" }, sessionId: claims.data.sid };
}
