/**
 * In front of next-auth: a credentials sign-in from an account or address that is in its
 * growing delay is answered 429 with Retry-After before any password is checked. The body is
 * the JSON next-auth's signIn() expects ({ url }), carrying the error the form shows.
 */
import { env } from "~/server/env";
import { requestMeta } from "~/server/security/client-info";
import { signInRetryAfter } from "~/server/security/sign-in-throttle";
import { emailSchema } from "~/server/user/schemas";
import { SIGN_IN_ERROR } from "./sign-in-errors";

const CREDENTIALS_CALLBACK = /\/api\/auth\/callback\/credentials\/?$/;

export async function throttledSignIn(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !CREDENTIALS_CALLBACK.test(new URL(request.url).pathname)) return null;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = emailSchema.safeParse(form?.get("email"));
  if (!email.success) return null;
  const wait = await signInRetryAfter(email.data, requestMeta(request.headers).ipAddress);
  if (wait === 0) return null;
  const error = `${SIGN_IN_ERROR.rateLimited}:${wait}`;
  const url = new URL(`/sign-in?error=${encodeURIComponent(error)}`, env.APP_URL).toString();
  return Response.json(
    { url, error },
    { status: 429, headers: { "retry-after": String(wait), "cache-control": "no-store" } },
  );
}
