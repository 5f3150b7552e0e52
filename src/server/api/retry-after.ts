/**
 * tRPC answers TOO_MANY_REQUESTS with HTTP 429 but sets no Retry-After; this adds it from the
 * AppError RATE_LIMITED behind the error (src/server/security/rate-limits.ts), so sign-up,
 * password reset and two-factor over tRPC tell clients when to retry, as route handlers do.
 * In a batch, the longest wait wins.
 */
import type { TRPCError } from "@trpc/server";
import { AppError } from "~/server/errors";

function retryAfterSeconds(error: TRPCError): number | null {
  const cause = error.cause;
  if (!(cause instanceof AppError) || cause.code !== "RATE_LIMITED") return null;
  const seconds = cause.details?.retryAfterSeconds;
  return typeof seconds === "number" ? seconds : null;
}

export function retryAfterMeta({ errors }: { errors: TRPCError[] }): { headers?: Headers } {
  const waits = errors.map(retryAfterSeconds).filter((s): s is number => s !== null);
  if (waits.length === 0) return {};
  return { headers: new Headers({ "retry-after": String(Math.max(...waits)) }) };
}
