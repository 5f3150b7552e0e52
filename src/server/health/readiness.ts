import { Redis } from "ioredis";
import { db } from "~/server/db";
import { env } from "~/server/env";

export type Check = { name: "postgres" | "redis"; ok: boolean; error?: string };

const TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS),
    ),
  ]);
}

async function check(name: Check["name"], probe: () => Promise<unknown>): Promise<Check> {
  try {
    await withTimeout(probe(), name);
    return { name, ok: true };
  } catch (error) {
    return { name, ok: false, error: error instanceof Error ? error.message.split("\n")[0] : "unreachable" };
  }
}

async function pingRedis() {
  // A fresh, non-retrying connection: the shared one would queue or retry and hide an outage.
  const redis = new Redis(env.REDIS_URL, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    return await redis.ping();
  } finally {
    redis.disconnect();
  }
}

export async function checkReadiness(): Promise<{ ready: boolean; checks: Check[] }> {
  const checks = await Promise.all([check("postgres", () => db.$queryRaw`SELECT 1`), check("redis", pingRedis)]);
  return { ready: checks.every((c) => c.ok), checks };
}
