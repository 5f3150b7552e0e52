import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "~/server/db";
import { authSecret } from "~/server/env";
import { authenticate } from "~/server/user/authenticate";
import { SESSION_MAX_AGE_SECONDS, openUserSession, revokeUserSession } from "./user-sessions";

declare module "next-auth" {
  interface User {
    sessionId: string;
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

function header(req: { headers?: Record<string, unknown> } | undefined, name: string): string | null {
  const value = req?.headers?.[name];
  return typeof value === "string" ? value : null;
}

export const authOptions: NextAuthOptions = {
  secret: authSecret,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const user = await authenticate(db, credentials);
        if (!user) return null;
        const sessionId = await openUserSession(db, user.id, {
          userAgent: header(req, "user-agent"),
          ipAddress: header(req, "x-forwarded-for")?.split(",")[0]?.trim() ?? null,
        });
        return { id: user.id, email: user.email, sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = user.sessionId;
      }
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
      if (token?.sid) await revokeUserSession(db, token.uid, token.sid);
    },
  },
};
