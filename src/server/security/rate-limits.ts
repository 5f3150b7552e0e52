/**
 * Named rate limits (rate-limiter-flexible on Redis). A request over its limit fails with
 * AppError RATE_LIMITED carrying `retryAfterSeconds`; the tRPC layer answers TOO_MANY_REQUESTS
 * and route handlers answer 429 with Retry-After. Sign-in has its own growing delays
 * (sign-in-throttle.ts).
 */
import { RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "~/server/errors";
import { type LimiterPolicy, redisLimiter } from "./rate-limiter-store";
import { redisReady } from "./redis-ready";

const POLICIES = {
  /** Per client address. */
  "sign-up": { points: 5, duration: 3600 },
  /** Per client address and, separately, per email address. */
  "password-reset": { points: 5, duration: 3600 },
  /** Per user: each request sends an email. */
  "email-verification": { points: 3, duration: 3600 },
  /** Per user: six-digit codes must not be guessable by volume. */
  "two-factor": { points: 5, duration: 300, blockDuration: 900 },
  /** Per user: every message costs an LLM call. */
  chat: { points: 20, duration: 60 },
  /** Per API token. */
  "api-token": { points: 120, duration: 60 },
  /** Per client address, for webhook endpoints (Plaid, Telegram). */
  webhook: { points: 300, duration: 60 },
  /** Per user: an export reads everything the user has. */
  export: { points: 3, duration: 3600 },
} satisfies Record<string, LimiterPolicy>;

export type RateLimitName = keyof typeof POLICIES;

const limiters = new Map<RateLimitName, ReturnType<typeof redisLimiter>>();

function limiter(name: RateLimitName) {
  let found = limiters.get(name);
  if (!found) {
    found = redisLimiter(name, POLICIES[name]);
    limiters.set(name, found);
  }
  return found;
}

export function rateLimited(retryAfterMs: number, message = "Too many attempts. Try again later."): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError("RATE_LIMITED", message, { retryAfterSeconds });
}

/** Counts one request against `name` for `key`; throws RATE_LIMITED when over the limit. */
export async function consumeRateLimit(name: RateLimitName, key: string): Promise<void> {
  await redisReady();
  try {
    await limiter(name).consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw rateLimited(rejection.msBeforeNext);
    throw rejection;
  }
}

/** Forgets what `key` has used, e.g. after a correct code. */
export async function resetRateLimit(name: RateLimitName, key: string): Promise<void> {
  await redisReady();
  await limiter(name).delete(key);
}
