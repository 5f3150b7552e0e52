/**
 * Analytics results cached in Redis per user. Invalidation is one INCR: every key embeds the
 * user's current version, so bumping it orphans all their entries at once (they expire on their
 * own) without scanning keys. Keys also embed an epoch that every `db:migrate` — every deploy —
 * bumps, so results computed by the previous code are not served after a release changed how they
 * are computed. Redis being down costs speed, never an answer.
 */
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { env } from "~/server/env";
import { logger } from "~/server/logger";
import { countShared } from "~/server/metrics/shared-metrics";
import { getRedis } from "~/server/redis";

const TTL_SECONDS = 3600;
const READY_TIMEOUT_MS = 500;

const versionKey = (userId: string) => `${env.REDIS_PREFIX}:analytics:${userId}:version`;
const epochKey = () => `${env.REDIS_PREFIX}:analytics:epoch`;

/** The shared producer connection, once it is ready; null when Redis cannot be reached quickly. */
async function readyRedis(): Promise<Redis | null> {
  const redis = getRedis();
  if (redis.status === "ready") return redis;
  if (redis.status === "end" || redis.status === "close") return null;
  return new Promise((resolve) => {
    const done = (value: Redis | null) => {
      clearTimeout(timer);
      redis.off("ready", onReady);
      resolve(value);
    };
    const onReady = () => done(redis);
    const timer = setTimeout(() => done(null), READY_TIMEOUT_MS);
    redis.once("ready", onReady);
    if (redis.status === "wait") redis.connect().catch(() => done(null));
  });
}

export async function cachedAnalytics<T>(
  userId: string,
  name: string,
  params: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  const redis = await readyRedis();
  if (!redis) return compute();
  let key: string | null = null;
  try {
    const [epoch, version] = await redis.mget(epochKey(), versionKey(userId));
    const hash = createHash("sha1").update(JSON.stringify(params)).digest("base64url");
    key = `${env.REDIS_PREFIX}:analytics:${userId}:${epoch ?? "0"}.${version ?? "0"}:${name}:${hash}`;
    const hit = await redis.get(key);
    countShared("mt_analytics_cache_requests_total", { result: hit === null ? "miss" : "hit" });
    if (hit !== null) return JSON.parse(hit) as T;
  } catch (error) {
    logger.warn({ err: (error as Error).message, name }, "analytics cache read failed");
  }
  const value = await compute();
  if (key) {
    await redis.set(key, JSON.stringify(value), "EX", TTL_SECONDS).catch((error: Error) => {
      logger.warn({ err: error.message, name }, "analytics cache write failed");
    });
  }
  return value;
}

/**
 * Call whenever a user's transactions, accounts, categories or budgets change (sync, import,
 * recategorize, rules applied): their cached analytics are dropped at once.
 */
export async function invalidateUserAnalytics(userId: string): Promise<void> {
  const redis = await readyRedis();
  if (!redis) {
    logger.warn({ userId }, "analytics cache not invalidated: Redis unreachable");
    return;
  }
  await redis.incr(versionKey(userId));
}

/** For `db:migrate`, which every deploy runs: nobody's cached analytics outlive the code that computed them. */
export async function startAnalyticsEpoch(): Promise<boolean> {
  const redis = await readyRedis();
  if (!redis) return false;
  await redis.incr(epochKey());
  return true;
}
