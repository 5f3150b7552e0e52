/**
 * Runs before each integration test file: a fresh database cloned from the migrated template
 * and a Redis key prefix of its own. Set before any app module reads the environment.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { adminUrl, databaseUrl } from "./database-urls";

const id = randomBytes(5).toString("hex");
const name = `mt_test_${id}`;
const admin = new pg.Client({ connectionString: adminUrl() });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);

process.env.DATABASE_URL = databaseUrl(name);
process.env.REDIS_PREFIX = `mt_test_${id}`;
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
process.env.LOG_LEVEL ??= "silent";

afterAll(async () => {
  const { db } = await import("~/server/db");
  await db.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  const redis = new Redis(process.env.REDIS_URL!);
  const keys = await redis.keys(`${process.env.REDIS_PREFIX}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});
