/** `npm run db:migrate`: creates the database if needed and applies pending migrations. */
import { env } from "../../src/server/env";
import { describeUnreachable } from "../../src/server/health/describe-unreachable";
import { ensureDatabase } from "./database";
import { applyMigrations } from "./schema-engine";

async function main() {
  if (await ensureDatabase(env.DATABASE_URL)) console.log("Created the database.");
  const applied = await applyMigrations(env.DATABASE_URL);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.",
  );
}

main().catch((error: unknown) => {
  console.error(describeUnreachable(error, "postgres", env.DATABASE_URL) ?? error);
  process.exit(1);
});
