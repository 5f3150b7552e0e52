import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { throttledSignIn } from "~/server/auth/credentials-throttle-gate";
import { authOptionsFor } from "~/server/auth/options";
import { requestMeta } from "~/server/security/client-info";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options per request, so the session row and the audit log record the device (next-auth "advanced initialization").
async function handler(request: NextRequest, context: Context) {
  const throttled = await throttledSignIn(request);
  if (throttled) return throttled;
  return NextAuth(request, context, authOptionsFor(requestMeta(request.headers)));
}

export { handler as GET, handler as POST };
