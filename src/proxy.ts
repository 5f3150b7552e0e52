/**
 * Next 16's proxy (formerly middleware): security headers on every response, and a fresh CSP
 * nonce for every page. Next reads the nonce from the request's Content-Security-Policy header
 * and puts it on its own scripts; the root layout passes `x-nonce` to the theme script.
 */
import { type NextRequest, NextResponse } from "next/server";
import { env } from "~/server/env";
import { isSameOriginRequest } from "~/server/security/csrf";
import { baseSecurityHeaders, contentSecurityPolicy, newNonce } from "~/server/security/security-headers";

/**
 * tRPC also accepts multipart/form-data, which a form on another site can post without a
 * preflight; SameSite=Lax cookies stop that across sites, and this stops it from sibling
 * subdomains too. Webhooks and the token-only REST API are called by servers and scripts.
 */
const refusesCrossSite = (pathname: string) => pathname.startsWith("/api/trpc/");

export function proxy(request: NextRequest) {
  const https = new URL(env.APP_URL).protocol === "https:";
  if (refusesCrossSite(request.nextUrl.pathname) && !isSameOriginRequest(request)) {
    return NextResponse.json(
      { error: { code: "FORBIDDEN", message: "Cross-site request refused" } },
      { status: 403, headers: baseSecurityHeaders(https) },
    );
  }
  const isPage = !request.nextUrl.pathname.startsWith("/api/");
  const requestHeaders = new Headers(request.headers);
  let csp: string | null = null;
  if (isPage) {
    const nonce = newNonce();
    csp = contentSecurityPolicy({ nonce, https, development: env.NODE_ENV === "development" });
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", csp);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(baseSecurityHeaders(https))) response.headers.set(name, value);
  // API routes answer JSON; the few that serve HTML (/api/docs) set their own policy.
  if (csp) response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Static build output and icons need no per-request headers.
      source: "/((?!_next/static|_next/image|icons/|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
