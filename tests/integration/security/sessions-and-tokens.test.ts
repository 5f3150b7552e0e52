import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as restGet, POST as restPost } from "~/app/api/v1/[...path]/route";
import { getAppSession } from "~/server/auth/session";
import { signInWithPassword } from "~/server/auth/password-sign-in";
import { createCaller } from "~/server/api/root";
import { db } from "~/server/db";
import { callerContext, createTestAccount, createTestTransaction } from "../factories";
import { PASSWORD, createUserWithPassword, device, enableTwoFactor, totpCode } from "./security-fixtures";

// getServerSession needs Next's request scope; here it returns whatever JWT the test says the browser sent.
const jwtSession = vi.hoisted(() => ({
  current: null as null | { user: { id: string; email: string }; sessionId: string },
}));
vi.mock("~/server/auth/session-cookie", () => ({ readSessionCookie: async () => jwtSession.current }));

const api = (path: string, token: string | null, init: RequestInit = {}) =>
  new Request(`http://localhost:3000/api/v1${path}`, {
    ...init,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      "content-type": "application/json",
      ...init.headers,
    },
  });

let user: { id: string; email: string };
let txId: string;

beforeAll(async () => {
  user = await createUserWithPassword(db);
  const account = await createTestAccount(db, user.id);
  txId = (
    await createTestTransaction(db, { userId: user.id, accountId: account.id }, { amount: "-4.20", date: "2026-03-02" })
  ).id;
});

describe("sessions", () => {
  it("a revoked session stops working on the very next request", async () => {
    const signedIn = (await signInWithPassword(db, { email: user.email, password: PASSWORD }, device()))!;
    jwtSession.current = { user: { id: user.id, email: user.email }, sessionId: signedIn.sessionId };
    await expect(getAppSession()).resolves.toMatchObject({ sessionId: signedIn.sessionId });

    const other = (await signInWithPassword(db, { email: user.email, password: PASSWORD }, device()))!;
    const fromOther = createCaller({ ...callerContext(db, user), session: { user, sessionId: other.sessionId } });
    await fromOther.security.sessions.revoke({ id: signedIn.sessionId });
    await expect(getAppSession()).resolves.toBeNull();
  });

  it("lists devices with the current one marked, and 'sign out everywhere' ends them all", async () => {
    const a = (await signInWithPassword(db, { email: user.email, password: PASSWORD }, device()))!;
    await signInWithPassword(db, { email: user.email, password: PASSWORD }, device("192.0.2.10"));
    const caller = createCaller({ ...callerContext(db, user), session: { user, sessionId: a.sessionId } });
    const sessions = await caller.security.sessions.list();
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ device: "Firefox on Linux" });

    jwtSession.current = { user, sessionId: a.sessionId };
    await caller.security.sessions.revokeAll();
    await expect(caller.security.sessions.list()).resolves.toEqual([]);
    await expect(getAppSession()).resolves.toBeNull();
  });

  it("a password change keeps this device and signs out every other", async () => {
    const here = (await signInWithPassword(db, { email: user.email, password: PASSWORD }, device()))!;
    const there = (await signInWithPassword(db, { email: user.email, password: PASSWORD }, device()))!;
    const caller = createCaller({ ...callerContext(db, user), session: { user, sessionId: here.sessionId } });
    await expect(
      caller.user.changePassword({ currentPassword: "wrong password!", newPassword: "a new long password" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await caller.user.changePassword({ currentPassword: PASSWORD, newPassword: "a new long password" });

    jwtSession.current = { user, sessionId: there.sessionId };
    await expect(getAppSession()).resolves.toBeNull();
    jwtSession.current = { user, sessionId: here.sessionId };
    await expect(getAppSession()).resolves.not.toBeNull();
    await expect(
      signInWithPassword(db, { email: user.email, password: "a new long password" }, device()),
    ).resolves.toMatchObject({ id: user.id });
    await caller.user.changePassword({ currentPassword: "a new long password", newPassword: PASSWORD });
  });
});

describe("API tokens", () => {
  const owner = () => createCaller(callerContext(db, user));

  it("are shown once and stored only as a hash", async () => {
    const created = await owner().security.apiTokens.create({ name: "script", scope: "READ" });
    expect(created.token).toMatch(/^mt_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).not.toContain(created.token);
    expect(created.token.startsWith(row.prefix)).toBe(true);
    const listed = await owner().security.apiTokens.list();
    expect(JSON.stringify(listed)).not.toContain(created.token);
  });

  it("work as a Bearer token and stop working at once when revoked", async () => {
    const { token, id } = await owner().security.apiTokens.create({ name: "revoke me", scope: "READ" });
    const ok = await restGet(api("/transactions", token));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { data: { items: { id: string }[] } }).data.items.map((t) => t.id)).toEqual([txId]);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();

    await owner().security.apiTokens.revoke({ id });
    const refused = await restGet(api("/transactions", token));
    expect(refused.status).toBe(401);
  });

  it("a read-only token can read but cannot write", async () => {
    const { token } = await owner().security.apiTokens.create({ name: "reader", scope: "READ" });
    const write = await restPost(
      api("/transactions/categorize", token, {
        method: "POST",
        body: JSON.stringify({ ids: [txId], category: "FOOD_AND_DRINK" }),
      }),
    );
    expect(write.status).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    const tx = await db.transaction.findUniqueOrThrow({ where: { id: txId } });
    expect(tx.userCategory).toBeNull();
  });

  it("a read-write token can write", async () => {
    await db.category.upsert({
      where: { userId_slug: { userId: user.id, slug: "coffee" } },
      create: { userId: user.id, slug: "coffee", primary: "FOOD_AND_DRINK", label: "Coffee" },
      update: {},
    });
    const { token } = await owner().security.apiTokens.create({ name: "writer", scope: "READ_WRITE" });
    const response = await restPost(
      api("/transactions/categorize", token, {
        method: "POST",
        body: JSON.stringify({ ids: [txId], category: "coffee" }),
      }),
    );
    expect(response.status).toBe(200);
    expect((await db.transaction.findUniqueOrThrow({ where: { id: txId } })).userCategoryDetailed).toBe("coffee");
  });

  it("refuse expired tokens, sessions and passwords: the REST API takes tokens only", async () => {
    const { token, id } = await owner().security.apiTokens.create({ name: "old", scope: "READ", expiresInDays: 1 });
    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await restGet(api("/accounts", token))).status).toBe(401);
    jwtSession.current = { user, sessionId: "00000000-0000-4000-8000-000000000000" };
    expect((await restGet(api("/accounts", null, { headers: { cookie: "next-auth.session-token=x" } }))).status).toBe(
      401,
    );
    const basic = Buffer.from(`${user.email}:${PASSWORD}`).toString("base64");
    expect((await restGet(api("/accounts", null, { headers: { authorization: `Basic ${basic}` } }))).status).toBe(401);
  });

  it("need a fresh two-factor code to be created when two-factor is on", async () => {
    const guarded = await createUserWithPassword(db);
    const { secret } = await enableTwoFactor(db, guarded);
    const caller = createCaller(callerContext(db, guarded));
    await expect(caller.security.apiTokens.create({ name: "no code", scope: "READ" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      caller.security.apiTokens.create({ name: "bad code", scope: "READ", code: "000000" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const created = await caller.security.apiTokens.create({ name: "ok", scope: "READ", code: await totpCode(secret) });
    expect(created.token).toMatch(/^mt_/);
  });

  it("are rate limited with 429 and Retry-After", async () => {
    const { token } = await owner().security.apiTokens.create({ name: "busy", scope: "READ" });
    let last: Response | undefined;
    for (let i = 0; i < 121; i++) last = await restGet(api("/accounts", token));
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("leave an audit trail", async () => {
    const actions = await db.auditLog.findMany({ where: { userId: user.id }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "api_token.created",
        "api_token.revoked",
        "session.revoked",
        "sessions.revoked_all",
        "password.changed",
      ]),
    );
  });
});
