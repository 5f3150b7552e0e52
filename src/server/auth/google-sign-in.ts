/**
 * Google sign-in without a database adapter: our own auth_accounts row links a Google subject
 * to a user. An existing account is linked only when Google has verified the address *and* the
 * account's own address is verified — otherwise someone could register a victim's address
 * first, wait for the victim to sign in with Google, and share the account (pre-hijacking).
 */
import { z } from "zod";
import type { Db } from "~/server/db";
import { env } from "~/server/env";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { emailSchema } from "~/server/user/schemas";
import { SIGN_IN_ERROR } from "./sign-in-errors";

const PROVIDER = "google";

const googleProfile = z.object({
  sub: z.string().min(1).max(255),
  email: emailSchema.optional(),
  email_verified: z.boolean().optional(),
  name: z.string().max(255).optional(),
});

export type GoogleUser = { id: string; email: string };
export type GoogleSignIn = { user: GoogleUser } | { refused: string };

export async function findGoogleUser(db: Db, subject: string): Promise<GoogleUser | null> {
  const link = await db.authAccount.findUnique({
    where: { provider_providerAccountId: { provider: PROVIDER, providerAccountId: subject } },
    select: { user: { select: { id: true, email: true, deletedAt: true } } },
  });
  return link && !link.user.deletedAt ? { id: link.user.id, email: link.user.email } : null;
}

export async function resolveGoogleSignIn(db: Db, rawProfile: unknown, meta: RequestMeta): Promise<GoogleSignIn> {
  const parsed = googleProfile.safeParse(rawProfile);
  if (!parsed.success) return { refused: SIGN_IN_ERROR.oauthEmailUnverified };
  const profile = parsed.data;
  const linked = await findGoogleUser(db, profile.sub);
  if (linked) return { user: linked };
  if (!profile.email || profile.email_verified !== true) return { refused: SIGN_IN_ERROR.oauthEmailUnverified };

  const existing = await db.user.findUnique({
    where: { email: profile.email },
    select: { id: true, email: true, emailVerified: true, deletedAt: true },
  });
  if (existing && (existing.deletedAt || !existing.emailVerified)) {
    return { refused: SIGN_IN_ERROR.oauthAccountNotLinkable };
  }
  const user =
    existing ??
    (await db.user.create({
      data: {
        email: profile.email,
        emailVerified: new Date(),
        fullName: profile.name ?? null,
        preferences: { create: {} },
      },
      select: { id: true, email: true },
    }));
  await db.authAccount.create({ data: { userId: user.id, provider: PROVIDER, providerAccountId: profile.sub } });
  await recordAudit(db, { userId: user.id, action: "oauth.linked", metadata: { provider: PROVIDER } }, meta);
  return { user: { id: user.id, email: user.email } };
}

/** Google sign-in is offered only when both settings are present. */
export const googleSignInEnabled = () => Boolean(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET);
