import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { env } from "~/server/env";
import { getRedis } from "~/server/redis";

export type LimiterPolicy = { points: number; duration: number; blockDuration?: number };

/**
 * A Redis-backed limiter shared by every web process. When Redis errors, the library falls back
 * to the per-process memory limiter given as `insuranceLimiter`, so an outage neither opens the
 * door nor locks everyone out.
 */
export function redisLimiter(name: string, policy: LimiterPolicy): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: getRedis(),
    keyPrefix: `${env.REDIS_PREFIX}:rl:${name}`,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: `rl:${name}`, ...policy }),
    ...policy,
  });
}
