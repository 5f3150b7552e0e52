import { once } from "node:events";
import { getRedis } from "~/server/redis";

const READY_WAIT_MS = 1_000;

/**
 * The shared connection refuses commands until it is ready (enableOfflineQueue: false); wait
 * briefly for it so the first request after start-up is counted in Redis, not in memory.
 */
export async function redisReady(): Promise<void> {
  const redis = getRedis();
  if (redis.status === "ready") return;
  if (redis.status === "wait") void redis.connect().catch(() => undefined);
  // An "error" event rejects `once`; the caller then meets the error (or the insurance limiter) on its own command.
  await Promise.race([
    once(redis, "ready").catch(() => undefined),
    new Promise((resolve) => setTimeout(resolve, READY_WAIT_MS).unref()),
  ]);
}
