import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authOptionsFor } from "~/server/auth/options";
import { signInWithPassword } from "~/server/auth/password-sign-in";
import { completeTwoFactorChallenge } from "~/server/auth/two-factor-challenge";
import { createCaller } from "~/server/api/root";
import { db } from "~/server/db";
import { reencryptTotpSecrets } from "~/server/user/totp";
import { callerContext } from "../factories";
import {
  PASSWORD,
  createUserWithPassword,
  device,
  enableTwoFactor,
  forgetUsedTotpSteps,
  totpCode,
} from "../security/security-fixtures";

const signIn = (email: string, totp?: string) =>
  signInWithPassword(db, { email, password: PASSWORD, ...(totp !== undefined && { totp }) }, device());
const sessionCount = (userId: string) => db.userSession.count({ where: { userId, revokedAt: null } });

describe("turning two-factor on", () => {
  it("shows a QR code, enforces nothing until a code confirms it, then gives ten recovery codes once", async () => {
    const user = await createUserWithPassword(db);
    const caller = createCaller(callerContext(db, user));
    const enrollment = await caller.security.twoFactor.startEnrollment();
    expect(enrollment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrollment.otpauthUrl).toContain(encodeURIComponent(user.email));
    await expect(signIn(user.email)).resolves.toMatchObject({ id: user.id });

    await expect(caller.security.twoFactor.confirmEnrollment({ code: "000000" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const { recoveryCodes } = await caller.security.twoFactor.confirmEnrollment({
      code: await totpCode(enrollment.secret),
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(recoveryCodes[0]).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecretEncrypted).not.toContain(enrollment.secret);
    const hashes = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(hashes.some((h) => recoveryCodes.includes(h.codeHash))).toBe(false);
    await expect(caller.security.twoFactor.status()).resolves.toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
  });

  it("signs out the other devices, which never passed the second factor", async () => {
    const user = await createUserWithPassword(db);
    await signIn(user.email);
    await signIn(user.email);
    expect(await sessionCount(user.id)).toBe(2);
    await enableTwoFactor(db, user);
    expect(await sessionCount(user.id)).toBe(0);
  });
});

describe("signing in with two-factor on", () => {
  it("asks for the code after a right password, and opens no session without it", async () => {
    const user = await createUserWithPassword(db);
    await enableTwoFactor(db, user);
    await expect(signIn(user.email)).rejects.toThrow(/^TwoFactorRequired$/);
    await expect(signIn(user.email, "123456")).rejects.toThrow(/^TwoFactorInvalid$/);
    expect(await sessionCount(user.id)).toBe(0);
  });

  it("accepts a current code once; the same code cannot be replayed", async () => {
    const user = await createUserWithPassword(db);
    const { secret } = await enableTwoFactor(db, user);
    const code = await totpCode(secret);
    await expect(signIn(user.email, code)).resolves.toMatchObject({ id: user.id });
    await expect(signIn(user.email, code)).rejects.toThrow(/^TwoFactorInvalid$/);
    expect(await sessionCount(user.id)).toBe(1);
  });

  it("accepts each recovery code once, typed in any case and spacing", async () => {
    const user = await createUserWithPassword(db);
    const { recoveryCodes } = await enableTwoFactor(db, user);
    const sloppy = recoveryCodes[3]!.toLowerCase().replace(/-/g, " ");
    await expect(signIn(user.email, sloppy)).resolves.toMatchObject({ id: user.id });
    await expect(signIn(user.email, recoveryCodes[3])).rejects.toThrow(/^TwoFactorInvalid$/);
    const caller = createCaller(callerContext(db, user));
    await expect(caller.security.twoFactor.status()).resolves.toMatchObject({ recoveryCodesLeft: 9 });
  });

  it("cannot be guessed: after five wrong codes even the right one must wait", async () => {
    const user = await createUserWithPassword(db);
    const { secret } = await enableTwoFactor(db, user);
    for (const guess of ["111111", "222222", "333333", "444444", "555555"]) {
      await expect(signIn(user.email, guess)).rejects.toThrow(/^TwoFactorInvalid$/);
    }
    await expect(signIn(user.email, await totpCode(secret))).rejects.toThrow(/^RateLimited:\d+$/);
  });
});

describe("two-factor cannot be skipped through Google", () => {
  const googleProfile = (email: string, sub = randomUUID()) => ({ sub, email, email_verified: true, name: "G" });

  async function googleSignIn(profile: ReturnType<typeof googleProfile>) {
    const options = authOptionsFor(device());
    const account = { provider: "google", type: "oauth" as const, providerAccountId: profile.sub };
    const user = { id: profile.sub, email: profile.email };
    const allowed = await options.callbacks!.signIn!({ user, account, profile });
    const token = async () =>
      options.callbacks!.jwt!({ token: { email: profile.email, uid: "", sid: "" }, user, account, trigger: "signIn" });
    return { allowed, token };
  }

  it("sends an account with two-factor to the code page instead of opening a session", async () => {
    const user = await createUserWithPassword(db, { emailVerified: new Date() });
    const { secret } = await enableTwoFactor(db, user);
    const profile = googleProfile(user.email);
    const { allowed, token } = await googleSignIn(profile);
    expect(allowed).toMatch(/^\/sign-in\/two-factor\?challenge=[A-Za-z0-9_-]+$/);
    // Even if next-auth went on to issue the token, the session would not be made.
    await expect(token()).rejects.toThrow(/TwoFactorRequired/);
    expect(await sessionCount(user.id)).toBe(0);

    const challenge = new URL(String(allowed), "http://x").searchParams.get("challenge")!;
    await expect(completeTwoFactorChallenge(db, { challenge, code: "000000" }, device())).rejects.toThrow(
      /^TwoFactorInvalid$/,
    );
    const signedIn = await completeTwoFactorChallenge(db, { challenge, code: await totpCode(secret) }, device());
    expect(signedIn).toMatchObject({ id: user.id });
    await forgetUsedTotpSteps();
    // The challenge is spent.
    await expect(completeTwoFactorChallenge(db, { challenge, code: await totpCode(secret) }, device())).rejects.toThrow(
      /^TwoFactorChallengeExpired$/,
    );
    expect(await sessionCount(user.id)).toBe(1);
  });

  it("signs in an account without two-factor straight away, linked by verified email", async () => {
    const user = await createUserWithPassword(db, { emailVerified: new Date() });
    const { allowed, token } = await googleSignIn(googleProfile(user.email));
    expect(allowed).toBe(true);
    await expect(token()).resolves.toMatchObject({ uid: user.id, email: user.email });
    expect(await sessionCount(user.id)).toBe(1);
  });

  it("does not link to an account whose own address was never verified (pre-hijacking)", async () => {
    const user = await createUserWithPassword(db, { emailVerified: null });
    const { allowed } = await googleSignIn(googleProfile(user.email));
    expect(allowed).toBe("/sign-in?error=OAuthAccountNotLinkable");
    expect(await db.authAccount.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an address Google has not verified", async () => {
    const options = authOptionsFor(device());
    const profile = { sub: randomUUID(), email: `new-${randomUUID()}@example.com`, email_verified: false };
    const result = await options.callbacks!.signIn!({
      user: { id: profile.sub },
      account: { provider: "google", type: "oauth", providerAccountId: profile.sub },
      profile,
    });
    expect(result).toBe("/sign-in?error=OAuthEmailUnverified");
    expect(await db.user.count({ where: { email: profile.email } })).toBe(0);
  });
});

describe("key rotation", () => {
  it("re-seals every TOTP secret and the codes keep working", async () => {
    const user = await createUserWithPassword(db);
    const { secret } = await enableTwoFactor(db, user);
    const before = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecretEncrypted;
    expect(await reencryptTotpSecrets(db)).toBeGreaterThanOrEqual(1);
    const after = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecretEncrypted;
    expect(after).not.toBe(before);
    expect(after).toMatch(/^v\d+:/);
    await expect(signIn(user.email, await totpCode(secret))).resolves.toMatchObject({ id: user.id });
  });
});

describe("turning two-factor off and renewing recovery codes", () => {
  it("needs a fresh code", async () => {
    const user = await createUserWithPassword(db);
    const { secret } = await enableTwoFactor(db, user);
    const caller = createCaller(callerContext(db, user));
    await expect(caller.security.twoFactor.disable({ code: "000000" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { recoveryCodes } = await caller.security.twoFactor.regenerateRecoveryCodes({
      code: await totpCode(secret),
    });
    expect(recoveryCodes).toHaveLength(10);
    await caller.security.twoFactor.disable({ code: recoveryCodes[0]! });
    await expect(caller.security.twoFactor.status()).resolves.toMatchObject({ enabled: false });
    await expect(signIn(user.email)).resolves.toMatchObject({ id: user.id });
    const actions = await db.auditLog.findMany({ where: { userId: user.id }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["two_factor.enabled", "two_factor.recovery_codes_regenerated", "two_factor.disabled"]),
    );
  });
});
