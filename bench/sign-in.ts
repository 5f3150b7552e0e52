/**
 * A real session for a bench: next-auth's credentials sign-in over HTTP, as the sign-in form
 * does it (CSRF token, then the credentials callback), returning the Cookie header a browser
 * would send afterwards.
 */
import { z } from "zod";

const csrfResponse = z.object({ csrfToken: z.string().min(1) });

const cookiePairs = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

export async function signInCookie(appUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = csrfResponse.parse(await csrf.json());
  const response = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, json: "true", callbackUrl: `${appUrl}/dashboard` }),
  });
  const session = cookiePairs(response).find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in of ${email} failed: HTTP ${response.status} ${await response.text()}`);
  return session;
}
