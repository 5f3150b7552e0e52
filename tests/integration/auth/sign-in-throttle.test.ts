import { describe, expect, it } from "vitest";
import { POST as authRoute } from "~/app/api/auth/[...nextauth]/route";
import { signInWithPassword } from "~/server/auth/password-sign-in";
import { db } from "~/server/db";
import { signInRetryAfter } from "~/server/security/sign-in-throttle";
import { PASSWORD, createUserWithPassword, device } from "../security/security-fixtures";

const wrong = (email: string) => ({ email, password: "not the password" });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function credentialsPost(email: string, password: string, ip: string) {
  return new Request("http://localhost:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
    body: new URLSearchParams({ email, password, csrfToken: "x", json: "true" }),
  });
}

type AuthRouteArgs = Parameters<typeof authRoute>;
const callRoute = (request: Request) =>
  authRoute(request as AuthRouteArgs[0], { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });

describe("brute force on sign-in", () => {
  it("lets five mistakes pass, then makes each further failure wait twice as long", async () => {
    const user = await createUserWithPassword(db);
    const meta = device("198.51.100.1");
    for (let i = 0; i < 5; i++) await expect(signInWithPassword(db, wrong(user.email), meta)).resolves.toBeNull();
    expect(await signInRetryAfter(user.email, meta.ipAddress)).toBe(0);

    await expect(signInWithPassword(db, wrong(user.email), meta)).resolves.toBeNull();
    expect(await signInRetryAfter(user.email, meta.ipAddress)).toBe(1);
    await expect(signInWithPassword(db, wrong(user.email), meta)).rejects.toThrow(/^RateLimited:1$/);

    await sleep(1100);
    await expect(signInWithPassword(db, wrong(user.email), meta)).resolves.toBeNull();
    expect(await signInRetryAfter(user.email, meta.ipAddress)).toBe(2);
    await sleep(2100);
    await expect(signInWithPassword(db, wrong(user.email), meta)).resolves.toBeNull();
    expect(await signInRetryAfter(user.email, meta.ipAddress)).toBe(4);
  });

  it("refuses even the right password while the delay runs, with 429 and Retry-After", async () => {
    const user = await createUserWithPassword(db);
    for (let i = 0; i < 6; i++) await signInWithPassword(db, wrong(user.email), device("198.51.100.2"));

    const response = await callRoute(credentialsPost(user.email, PASSWORD, "198.51.100.99"));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const body = (await response.json()) as { url: string };
    // next-auth's signIn() reads the error from this URL; the form turns it into "try again in N s".
    expect(new URL(body.url).searchParams.get("error")).toMatch(/^RateLimited:\d+$/);
    await expect(signInWithPassword(db, { email: user.email, password: PASSWORD }, device())).rejects.toThrow(
      /^RateLimited:/,
    );
  });

  it("slows down one address trying many accounts, and not another address", async () => {
    const attacker = device("192.0.2.66");
    for (let i = 0; i < 21; i++) {
      await signInWithPassword(db, wrong(`nobody-${i}@example.com`), attacker);
    }
    const victim = await createUserWithPassword(db);
    await expect(signInWithPassword(db, { email: victim.email, password: PASSWORD }, attacker)).rejects.toThrow(
      /^RateLimited:/,
    );
    await expect(
      signInWithPassword(db, { email: victim.email, password: PASSWORD }, device("192.0.2.67")),
    ).resolves.toMatchObject({ id: victim.id });
  });

  it("forgets an account's failures after a success, and records every attempt in the audit log", async () => {
    const user = await createUserWithPassword(db);
    const meta = device("198.51.100.3");
    for (let i = 0; i < 4; i++) await signInWithPassword(db, wrong(user.email), meta);
    const signedIn = await signInWithPassword(db, { email: user.email, password: PASSWORD }, meta);
    expect(signedIn).toMatchObject({ id: user.id, email: user.email });
    for (let i = 0; i < 5; i++) await expect(signInWithPassword(db, wrong(user.email), meta)).resolves.toBeNull();

    const audit = await db.auditLog.findMany({ where: { userId: user.id }, orderBy: { timestamp: "asc" } });
    expect(audit.map((a) => a.action)).toEqual([
      ...Array(4).fill("sign_in.failed"),
      "sign_in.succeeded",
      ...Array(5).fill("sign_in.failed"),
    ]);
    expect(audit.every((a) => a.ipAddress === "198.51.100.3")).toBe(true);
  });

  it("lets a request that is not being throttled through to next-auth", async () => {
    const user = await createUserWithPassword(db);
    const { throttledSignIn } = await import("~/server/auth/credentials-throttle-gate");
    await expect(throttledSignIn(credentialsPost(user.email, PASSWORD, "198.51.100.4"))).resolves.toBeNull();
  });
});
