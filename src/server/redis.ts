import { Redis, type RedisOptions } from "ioredis";
import { env } from "~/server/env";

/**
 * Two kinds of Redis connection, as BullMQ's production guide asks: workers block and must
 * retry forever (maxRetriesPerRequest: null); producers inside web requests must fail fast
 * when Redis is down instead of queueing commands in memory (enableOfflineQueue: false).
 */
export function createWorkerConnection(): Redis {
  return new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
}

export function createProducerConnection(options: RedisOptions = {}): Redis {
  return new Redis(env.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, ...options });
}

const globalForRedis = globalThis as unknown as { redis?: Redis };

/** The process's shared producer connection (web and CLI). */
export function getRedis(): Redis {
  globalForRedis.redis ??= createProducerConnection();
  return globalForRedis.redis;
}
