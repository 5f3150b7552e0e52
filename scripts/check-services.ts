import { Redis } from "ioredis";
import pg from "pg";
import { env } from "../src/server/env";
import { describeUnreachable } from "../src/server/health/describe-unreachable";

/** Says which service is missing, where it was looked for, and how to start it. */
export async function checkServices(): Promise<boolean> {
  const problems: string[] = [];
  const admin = new URL(env.DATABASE_URL);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    problems.push(describeUnreachable(error, "postgres", env.DATABASE_URL) ?? `PostgreSQL: ${String(error)}`);
  }
  const redis = new Redis(env.REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 3_000,
  });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    problems.push(describeUnreachable(error, "redis", env.REDIS_URL) ?? `Redis: ${String(error)}`);
  } finally {
    redis.disconnect();
  }
  for (const problem of problems) console.error(`✗ ${problem}`);
  return problems.length === 0;
}
