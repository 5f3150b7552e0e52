/**
 * CSRF defence for state-changing route handlers that a browser reaches with cookies (tRPC and
 * next-auth have their own: tRPC only accepts JSON bodies, which a cross-site form cannot send;
 * next-auth checks its double-submit token). Browsers send Origin on every non-GET request and
 * Sec-Fetch-Site on all modern ones; a request that carries neither is not from a browser page
 * and has no business holding a session cookie, so it is refused as well.
 * https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
 */
import { env } from "~/server/env";
import { AppError } from "~/server/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSameOriginRequest(request: Request, appUrl: string = env.APP_URL): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") return false;
  const origin = request.headers.get("origin");
  if (!origin) return fetchSite === "same-origin";
  const allowed = new Set([new URL(appUrl).origin, new URL(request.url).origin]);
  return allowed.has(origin);
}

export function assertSameOrigin(request: Request): void {
  if (!isSameOriginRequest(request)) throw new AppError("FORBIDDEN", "Cross-site request refused");
}
