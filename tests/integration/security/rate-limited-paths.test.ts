/**
 * Limited paths answer HTTP 429 with Retry-After: those served by tRPC (sign-up, password reset,
 * two-factor codes) through the real /api/trpc handler, and the data export route. Chat, API
 * tokens, webhooks and sign-in have theirs in chat-route, sessions-and-tokens, bank-connections,
 * telegram-webhook-rate-limit and sign-in-throttle tests.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST as exportPost } from "~/app/api/account/export/route";
import { POST } from "~/app/api/trpc/[trpc]/route";
import { openUserSession } from "~/server/auth/user-sessions";
import { db } from "~/server/db";
import { createUserWithPassword, enableTwoFactor } from "./security-fixtures";

// The handler reads the session cookie through Next's cookies(), which needs Next's request scope.
const signedIn = vi.hoisted(() => ({ as: null as null | { user: { id: string; email: string }; sessionId: string } }));
vi.mock("~/server/auth/session-cookie", () => ({ readSessionCookie: async () => signedIn.as }));

const call = (procedure: string, input: unknown, ip: string) =>
  POST(
    new Request(`http://localhost:3000/api/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": ip },
      body: JSON.stringify({ json: input }),
    }),
  );

async function statusesOf(times: number, send: () => Promise<Response>): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await send()).status);
  return statuses;
}

async function expectLimited(response: Response, atLeastSeconds: number) {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(atLeastSeconds);
  expect(JSON.stringify(await response.json())).toContain("TOO_MANY_REQUESTS");
}

async function signIn(user: { id: string; email: string }) {
  signedIn.as = { user, sessionId: await openUserSession(db, user.id, { userAgent: "t", ipAddress: null }) };
}

const newAccount = () => ({ email: `signup-${randomUUID()}@example.com`, password: "a long enough password" });

describe("limited tRPC procedures answer 429 with Retry-After", () => {
  it("sign-up: five an hour from one address, then 429; another address is not held up", async () => {
    const register = (ip: string) => call("user.register", newAccount(), ip);
    expect(await statusesOf(5, () => register("198.51.100.30"))).toEqual([200, 200, 200, 200, 200]);
    await expectLimited(await register("198.51.100.30"), 60);
    expect((await register("198.51.100.31")).status).toBe(200);
  });

  it("password reset: five an hour from one address, then 429", async () => {
    const request = () => call("user.requestPasswordReset", { email: "nobody@example.com" }, "198.51.100.32");
    expect(await statusesOf(5, request)).toEqual([200, 200, 200, 200, 200]);
    await expectLimited(await request(), 60);
  });

  it("two-factor: five wrong codes, then 429 for the next quarter of an hour", async () => {
    const user = await createUserWithPassword(db);
    // Turning two-factor on signs out the other devices, so the session opens after it.
    await enableTwoFactor(db, user);
    await signIn(user);
    const disable = () => call("security.twoFactor.disable", { code: "000000" }, "198.51.100.33");
    const wrong = await statusesOf(5, disable);
    expect(wrong.every((status) => status === 403)).toBe(true);
    await expectLimited(await disable(), 15 * 60 - 5);
  });
});

describe("the data export", () => {
  it("three an hour per user, then 429", async () => {
    await signIn(await createUserWithPassword(db));
    const download = () =>
      exportPost(
        new Request("http://localhost:3000/api/account/export", {
          method: "POST",
          headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" },
        }),
      );
    expect(await statusesOf(3, download)).toEqual([200, 200, 200]);
    const limited = await download();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(60);
  });
});
