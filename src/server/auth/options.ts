/**
 * next-auth 4 with JWT sessions that carry a user_sessions row id (docs/adr/0001). Three ways
 * in, each ending in openSignedInSession and each passing two-factor when it is on:
 * email + password (+ code), Google (+ code through a challenge), and the challenge's own
 * "two-factor" step. Options are built per request so sessions and audit entries know the
 * device (src/app/api/auth/[...nextauth]/route.ts).
 */
import type { NextAuthOptions } from "next-auth";
import credentialsModule from "next-auth/providers/credentials";
import googleModule from "next-auth/providers/google";
import { db } from "~/server/db";
import { authSecret, env } from "~/server/env";
import { recordAudit } from "~/server/security/audit-log";
import type { RequestMeta } from "~/server/security/client-info";
import { requiresSecondFactor } from "~/server/user/second-factor";
import { findGoogleUser, googleSignInEnabled, resolveGoogleSignIn } from "./google-sign-in";
import { openSignedInSession, signInWithPassword } from "./password-sign-in";
import { decodeSessionJwt, encodeSessionJwt } from "./session-jwt";
import { SIGN_IN_ERROR } from "./sign-in-errors";
import { completeTwoFactorChallenge, createTwoFactorChallenge } from "./two-factor-challenge";
import { SESSION_MAX_AGE_SECONDS, revokeUserSession } from "./user-sessions";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId: string;
    user: { id: string; email: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    sid: string;
  }
}

/**
 * next-auth 4's providers are CommonJS with `exports.default`. Next's bundler hands us that
 * default; plain Node ESM (tsx scripts, the CLI) hands us the whole `exports` object instead.
 */
function commonJsDefault<T>(imported: T): T {
  const wrapped = imported as T & { default?: T };
  return typeof imported === "function" ? imported : (wrapped.default ?? imported);
}

const CredentialsProvider = commonJsDefault(credentialsModule);
const GoogleProvider = commonJsDefault(googleModule);

function providers(meta: RequestMeta): NextAuthOptions["providers"] {
  const list: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" }, totp: { type: "text" } },
      authorize: (credentials) => signInWithPassword(db, credentials, meta),
    }),
    CredentialsProvider({
      id: "two-factor",
      name: "Two-factor code",
      credentials: { challenge: { type: "text" }, code: { type: "text" } },
      authorize: (credentials) => completeTwoFactorChallenge(db, credentials, meta),
    }),
  ];
  if (googleSignInEnabled()) {
    list.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID!, clientSecret: env.GOOGLE_CLIENT_SECRET! }));
  }
  return list;
}

// next-auth's own rule (secure cookies when the app's URL is https), stated once so getAppSession reads the same cookie.
const useSecureCookies = new URL(env.APP_URL).protocol === "https:";
export const sessionCookieName = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;

export function authOptionsFor(meta: RequestMeta): NextAuthOptions {
  return {
    secret: authSecret,
    useSecureCookies,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { encode: encodeSessionJwt, decode: decodeSessionJwt },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(meta),
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "google") return true;
        const result = await resolveGoogleSignIn(db, profile, meta);
        if ("refused" in result) return `/sign-in?error=${result.refused}`;
        if (!(await requiresSecondFactor(db, result.user.id))) return true;
        const challenge = await createTwoFactorChallenge(result.user.id, "google");
        return `/sign-in/two-factor?challenge=${challenge}`;
      },
      async jwt({ token, user, account }) {
        if (account?.provider === "google") {
          // Checked again where the session is made, so no path around the signIn callback skips two-factor.
          const linked = await findGoogleUser(db, account.providerAccountId);
          if (!linked || (await requiresSecondFactor(db, linked.id))) throw new Error(SIGN_IN_ERROR.twoFactorRequired);
          const signedIn = await openSignedInSession(db, linked, meta, { method: "google", secondFactor: null });
          return { ...token, uid: signedIn.id, sid: signedIn.sessionId, email: signedIn.email };
        }
        if (user?.sessionId) return { ...token, uid: user.id, sid: user.sessionId, email: user.email };
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.uid, email: token.email ?? "" };
        session.sessionId = token.sid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        // Nothing to record when the session was already gone (revoked elsewhere, or the account deleted).
        if (token?.sid && (await revokeUserSession(db, token.uid, token.sid))) {
          await recordAudit(db, { userId: token.uid, action: "sign_out" }, meta);
        }
      },
    },
  };
}
