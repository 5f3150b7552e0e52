/**
 * Growing delays after failed sign-ins, per account and per client address, in the shape
 * rate-limiter-flexible's guide gives for login endpoints: one limiter counts consecutive
 * failures, another holds the lockout. After the free failures each further one doubles the
 * wait (1 s, 2 s, 4 s … capped), so guessing gets slow fast while a typo costs nothing.
 * A success clears the account's count; it does not clear the address's, or one valid
 * account would reset an attacker's counter.
 */
import { hashSecret } from "./secret-tokens";
import { redisLimiter } from "./rate-limiter-store";
import { redisReady } from "./redis-ready";

const FAILURE_WINDOW_SECONDS = 24 * 3600;
const MAX_DELAY_SECONDS = 15 * 60;

const SUBJECTS = {
  // An attacker can make any account wait, so the free allowance is small but the cap is minutes, not days.
  account: { freeFailures: 5 },
  // Many people can share an address (offices, carrier NAT), hence more room before delays.
  ip: { freeFailures: 20 },
} as const;

type Subject = keyof typeof SUBJECTS;

// Created on first use, so importing the auth options opens no Redis connection.
let limiters: { failures: ReturnType<typeof redisLimiter>; lockout: ReturnType<typeof redisLimiter> } | undefined;

async function signInLimiters() {
  await redisReady();
  limiters ??= {
    failures: redisLimiter("sign-in-failures", { points: 1_000_000, duration: FAILURE_WINDOW_SECONDS }),
    lockout: redisLimiter("sign-in-lockout", { points: 1, duration: 1 }),
  };
  return limiters;
}

/** The wait after the n-th consecutive failure. */
export function delayAfterFailures(failureCount: number, freeFailures: number): number {
  if (failureCount <= freeFailures) return 0;
  return Math.min(2 ** (failureCount - freeFailures - 1), MAX_DELAY_SECONDS);
}

function keysFor(email: string, ip: string | null): { subject: Subject; key: string }[] {
  const keys: { subject: Subject; key: string }[] = [{ subject: "account", key: `a:${hashSecret(email)}` }];
  if (ip) keys.push({ subject: "ip", key: `i:${ip}` });
  return keys;
}

/** Seconds until this account may try again from this address, or 0. */
export async function signInRetryAfter(email: string, ip: string | null): Promise<number> {
  const { lockout } = await signInLimiters();
  const waits = await Promise.all(
    keysFor(email, ip).map(async ({ key }) => {
      const held = await lockout.get(key);
      return held && held.consumedPoints > lockout.points ? Math.ceil(held.msBeforeNext / 1000) : 0;
    }),
  );
  return Math.max(0, ...waits);
}

/** Records a failed attempt; returns the delay now imposed (seconds, 0 while failures are free). */
export async function recordSignInFailure(email: string, ip: string | null): Promise<number> {
  const { failures, lockout } = await signInLimiters();
  const delays = await Promise.all(
    keysFor(email, ip).map(async ({ subject, key }) => {
      const counted = await failures.penalty(key, 1);
      const delay = delayAfterFailures(counted.consumedPoints, SUBJECTS[subject].freeFailures);
      if (delay > 0) await lockout.block(key, delay);
      return delay;
    }),
  );
  return Math.max(0, ...delays);
}

export async function clearSignInFailures(email: string): Promise<void> {
  const { failures, lockout } = await signInLimiters();
  const [account] = keysFor(email, null);
  await Promise.all([failures.delete(account!.key), lockout.delete(account!.key)]);
}
