/**
 * Throwaway databases for benches, on the server DATABASE_URL names but never the database it
 * names: every bench gets `mt_bench_<label>_<random>`, cloned from one migrated template (as the
 * integration tests do), and drops it when done, whether it succeeded or not.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { ensureDatabase } from "../scripts/db/database";
import { applyMigrations } from "../scripts/db/schema-engine";

export type BenchDatabase = { url: string; name: string; drop: () => Promise<void> };

const server = () => new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/money_tracking");

export function urlOf(name: string): string {
  const url = server();
  url.pathname = `/${name}`;
  return url.toString();
}

/** One plain `pg` connection to `url` for `work`, closed however `work` ends. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const admin = <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => withClient(urlOf("postgres"), work);

export const dropNamed = (name: string) =>
  admin((c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)).then(() => undefined);

let template: Promise<string> | undefined;

function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = `mt_bench_template_${randomBytes(4).toString("hex")}`;
    await ensureDatabase(urlOf(name));
    try {
      await applyMigrations(urlOf(name));
    } catch (error) {
      await dropNamed(name);
      throw error;
    }
    return name;
  })();
  return template;
}

export async function createBenchDatabase(label: string, prefix?: string): Promise<BenchDatabase> {
  return cloneDatabase(await migratedTemplate(), label, prefix);
}

/** A throwaway copy of `source` (which must have no open connections), dropped by `drop()`. */
export async function cloneDatabase(source: string, label: string, prefix = "mt_bench"): Promise<BenchDatabase> {
  const name = `${prefix}_${label}_${randomBytes(4).toString("hex")}`;
  await admin(async (c) => {
    await c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(source)}`);
    // For profiling: BENCH_LOG_STATEMENTS_MS=200 puts every statement slower than that, with its
    // duration, in the PostgreSQL server log.
    const slowMs = Number(process.env.BENCH_LOG_STATEMENTS_MS);
    if (Number.isInteger(slowMs) && slowMs >= 0)
      await c.query(`ALTER DATABASE ${pg.escapeIdentifier(name)} SET log_min_duration_statement = ${slowMs}`);
  });
  return { url: urlOf(name), name, drop: () => dropNamed(name) };
}

/** Runs `work` on a fresh database and drops that database afterwards, however `work` ends. */
export async function withBenchDatabase<T>(label: string, work: (db: BenchDatabase) => Promise<T>): Promise<T> {
  return withDatabase(await createBenchDatabase(label), work);
}

export async function withDatabase<T>(database: BenchDatabase, work: (db: BenchDatabase) => Promise<T>): Promise<T> {
  try {
    return await work(database);
  } finally {
    await database.drop();
  }
}

export async function dropBenchTemplate() {
  const pending = template;
  template = undefined;
  const name = await pending?.catch(() => null);
  if (name) await dropNamed(name);
}
