/**
 * `npm run db:migrate`: creates the database if needed and applies pending migrations. Every
 * deploy runs it, so it also drops the cached analytics the previous release computed.
 */
import { startAnalyticsEpoch } from "../../src/server/analytics/analytics-cache";
import { env } from "../../src/server/env";
import { getRedis } from "../../src/server/redis";
import { describeUnreachable } from "../../src/server/health/describe-unreachable";
import { ensureDatabase } from "./database";
import { applyMigrations } from "./schema-engine";

async function main() {
  if (await ensureDatabase(env.DATABASE_URL)) console.log("Created the database.");
  const applied = await applyMigrations(env.DATABASE_URL);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
  );
  // Without Redis there is nothing cached to drop yet, or entries expire within the hour anyway.
  if (!(await startAnalyticsEpoch())) console.log("Redis unreachable: cached analytics were not dropped.");
  getRedis().disconnect();
}

main().catch((error: unknown) => {
  console.error(describeUnreachable(error, "postgres", env.DATABASE_URL) ?? error);
  process.exit(1);
});
