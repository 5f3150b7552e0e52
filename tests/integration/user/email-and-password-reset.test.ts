import { describe, expect, it } from "vitest";
import { signInWithPassword } from "~/server/auth/password-sign-in";
import { createCaller } from "~/server/api/root";
import { db } from "~/server/db";
import { readOutbox } from "~/server/email/dev-outbox";
import { callerContext } from "../factories";
import { PASSWORD, createUserWithPassword, device } from "../security/security-fixtures";

const anonymous = (ip: string) =>
  createCaller({ ...callerContext(db, null), headers: new Headers({ "x-forwarded-for": ip }) });

async function linkSentTo(email: string, path: string): Promise<string> {
  const [latest] = await readOutbox(email);
  const link = latest?.text.split("\n").find((line) => line.includes(path));
  if (!link) throw new Error(`no ${path} link was sent to ${email}`);
  return new URL(link).searchParams.get("token")!;
}

describe("email verification", () => {
  it("sends a link on sign-up that confirms the address once", async () => {
    const email = `new-${Date.now()}@example.com`;
    const user = await anonymous("203.0.113.20").user.register({ email, password: PASSWORD });
    const token = await linkSentTo(email, "/verify-email");
    expect((await db.verificationToken.findFirstOrThrow({ where: { userId: user.id } })).tokenHash).not.toBe(token);

    await anonymous("203.0.113.20").user.verifyEmail({ token });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);
    await expect(anonymous("203.0.113.20").user.verifyEmail({ token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This link has expired or was already used",
    });
  });

  it("refuses an expired link", async () => {
    const user = await createUserWithPassword(db);
    await createCaller(callerContext(db, user)).user.sendVerificationEmail();
    const token = await linkSentTo(user.email, "/verify-email");
    await db.verificationToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    await expect(anonymous("203.0.113.21").user.verifyEmail({ token })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("limits how often a user can have a link sent", async () => {
    const user = await createUserWithPassword(db);
    const caller = createCaller(callerContext(db, user));
    for (let i = 0; i < 3; i++) await caller.user.sendVerificationEmail();
    await expect(caller.user.sendVerificationEmail()).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("limits sign-ups per address", async () => {
    const caller = anonymous("203.0.113.22");
    for (let i = 0; i < 5; i++)
      await caller.user.register({ email: `burst-${i}-${Date.now()}@example.com`, password: PASSWORD });
    await expect(
      caller.user.register({ email: `burst-6-${Date.now()}@example.com`, password: PASSWORD }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});

describe("password reset", () => {
  it("answers the same for unknown addresses and sends nothing", async () => {
    const unknown = `ghost-${Date.now()}@example.com`;
    await expect(anonymous("203.0.113.30").user.requestPasswordReset({ email: unknown })).resolves.toEqual({
      ok: true,
    });
    expect(await readOutbox(unknown)).toEqual([]);
  });

  it("sets a new password with a single-use link and signs out every device", async () => {
    const user = await createUserWithPassword(db);
    await signInWithPassword(db, { email: user.email, password: PASSWORD }, device());
    await anonymous("203.0.113.31").user.requestPasswordReset({ email: user.email.toUpperCase() });
    const token = await linkSentTo(user.email, "/reset-password");

    await anonymous("203.0.113.31").user.resetPassword({ token, password: "brand new password" });
    expect(await db.userSession.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    await expect(signInWithPassword(db, { email: user.email, password: PASSWORD }, device())).resolves.toBeNull();
    await expect(
      signInWithPassword(db, { email: user.email, password: "brand new password" }, device()),
    ).resolves.toMatchObject({ id: user.id });
    await expect(
      anonymous("203.0.113.31").user.resetPassword({ token, password: "another new password" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("retires an earlier link when a new one is requested", async () => {
    const user = await createUserWithPassword(db);
    await anonymous("203.0.113.32").user.requestPasswordReset({ email: user.email });
    const first = await linkSentTo(user.email, "/reset-password");
    await anonymous("203.0.113.32").user.requestPasswordReset({ email: user.email });
    await expect(
      anonymous("203.0.113.32").user.resetPassword({ token: first, password: "brand new password" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("an email-verification link is not a password-reset link", async () => {
    const user = await createUserWithPassword(db);
    await createCaller(callerContext(db, user)).user.sendVerificationEmail();
    const token = await linkSentTo(user.email, "/verify-email");
    await expect(
      anonymous("203.0.113.33").user.resetPassword({ token, password: "brand new password" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("limits requests per address so the mailbox cannot be flooded", async () => {
    const user = await createUserWithPassword(db);
    for (let i = 0; i < 5; i++) {
      await anonymous(`203.0.113.${40 + i}`).user.requestPasswordReset({ email: user.email });
    }
    await expect(anonymous("203.0.113.50").user.requestPasswordReset({ email: user.email })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });
});
