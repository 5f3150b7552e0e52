/**
 * `npm run db:migration -- <name>`: writes the SQL that takes the last migration's schema
 * snapshot to the current prisma/schema.prisma, as a new migration in Prisma's own format.
 */
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../../src/server/env";
import { ensureDatabase } from "./database";
import { MIGRATIONS_DIR, SCHEMA_PATH, diffSchemas } from "./schema-engine";

const SNAPSHOT = "schema.prisma";

async function lastSnapshot(): Promise<string | null> {
  const dirs = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const last = dirs.at(-1);
  return last ? readFile(path.join(MIGRATIONS_DIR, last, SNAPSHOT), "utf8") : null;
}

async function main() {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  if (!name) throw new Error("usage: npm run db:migration -- <name>");
  const current = await readFile(SCHEMA_PATH, "utf8");
  await ensureDatabase(env.DATABASE_URL);
  const sql = await diffSchemas(env.DATABASE_URL, await lastSnapshot(), current);
  if (!sql.trim() || sql.trim() === "-- This is an empty migration.") {
    console.log("The schema has not changed since the last migration.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await writeFile(path.join(dir, SNAPSHOT), current);
  await writeFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
