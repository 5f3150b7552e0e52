/**
 * CSRF: every state-changing route handler a browser reaches with its session cookie refuses a
 * request from another site, and does not refuse the same request from the app's own pages. The routes come from the files (route-handlers.ts), so a new POST
 * route without assertSameOrigin fails here unless it is listed below with its own defence.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { openUserSession } from "~/server/auth/user-sessions";
import { db } from "~/server/db";
import { createTestUser } from "../factories";
import { routeHandlers } from "./route-handlers";

// The user is also an operator (ADMIN_EMAILS), so routes behind an admin gate reach their origin check.
const OPERATOR = vi.hoisted(() => {
  process.env.ADMIN_EMAILS = "csrf-operator@example.com";
  return "csrf-operator@example.com";
});
const signedIn = vi.hoisted(() => ({ as: null as null | { user: { id: string; email: string }; sessionId: string } }));
vi.mock("~/server/auth/session-cookie", () => ({ readSessionCookie: async () => signedIn.as }));

/** Routes that take no session cookie, or defend themselves another way. */
const OWN_DEFENCE: Record<string, string> = {
  "POST /api/auth/[...nextauth]": "next-auth checks its double-submit CSRF token",
  "GET /api/trpc/[trpc]": "queries change nothing",
  "POST /api/trpc/[trpc]": "the proxy refuses cross-site tRPC posts (tests/unit/security/security-headers.test.ts)",
  "POST /api/v1/[...path]": "bearer tokens only; the REST API reads no cookies",
  "PUT /api/v1/[...path]": "bearer tokens only; the REST API reads no cookies",
  "PATCH /api/v1/[...path]": "bearer tokens only; the REST API reads no cookies",
  "DELETE /api/v1/[...path]": "bearer tokens only; the REST API reads no cookies",
  "POST /api/plaid/webhook": "verified by Plaid's signed JWT, no cookies",
  "POST /api/telegram/webhook": "verified by Telegram's secret token, no cookies",
};

const routes = await routeHandlers();
const stateChanging = routes.filter((r) => r.method !== "GET" && !(r.key in OWN_DEFENCE));

const post = (route: string, method: string, site: { origin: string; "sec-fetch-site": string }) =>
  new Request(`http://localhost:3000${route}`, {
    method,
    headers: { ...site, "content-type": "application/json" },
    body: "{}",
  });

beforeAll(async () => {
  const { id } = await createTestUser(db);
  const user = await db.user.update({ where: { id }, data: { email: OPERATOR }, select: { id: true, email: true } });
  signedIn.as = { user, sessionId: await openUserSession(db, user.id, { userAgent: "t", ipAddress: null }) };
});

describe("state-changing route handlers and other sites", () => {
  it("lists only routes that exist among those with their own defence", () => {
    const keys = routes.map((r) => r.key);
    expect(Object.keys(OWN_DEFENCE).filter((k) => !keys.includes(k))).toEqual([]);
    expect(stateChanging.length).toBeGreaterThan(0);
  });

  it.each(stateChanging.map((r) => [r.key, r] as const))(
    "%s refuses another site and serves its own",
    async (_key, { route, method, handler }) => {
      const crossSite = await handler(
        post(route, method, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }),
      );
      // 403, or 404 where a route hides itself from whoever may not use it.
      expect([403, 404]).toContain(crossSite.status);
      const ownSite = await handler(
        post(route, method, { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }),
      );
      expect(ownSite.status).not.toBe(403);
    },
  );
});
