/**
 * The 1,000,000-transaction data set is generated once and kept on the Postgres server as a
 * database named after what made it: DATASET.version (bump it when generate-dataset.ts changes
 * what it writes), the local Plaid generator's sources and the month it was generated in (its
 * histories end on that day, and a dashboard shows "this month"). A rerun with the same key
 * clones it in seconds; any change to those makes a new one, and a past month's are dropped.
 * `BENCH_REGENERATE=1` forces a new one. Migrations added since are applied to the kept data set,
 * as to a production database, instead of regenerating it (a new index costs seconds, not minutes).
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { admin, type BenchDatabase, cloneDatabase, createBenchDatabase, dropNamed, urlOf } from "../bench-database";
import { DATASET, generateDataset } from "./generate-dataset";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Not under mt_bench_: the data set outlives a bench run, and tidying after one must not take it.
const PREFIX = "mt_dataset_";
const GENERATOR_SOURCES = [
  "src/local-services/plaid/generate",
  "src/local-services/plaid/state",
  "src/local-services/plaid/render.ts",
  "src/local-services/plaid/institutions.ts",
];

function filesUnder(relative: string): string[] {
  const full = path.join(ROOT, relative);
  try {
    return readdirSync(full, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => filesUnder(path.join(relative, entry.name)));
  } catch {
    return [relative];
  }
}

function datasetKey(today: string): string {
  const hash = createHash("sha256").update(String(DATASET.version));
  for (const file of GENERATOR_SOURCES.flatMap(filesUnder))
    hash.update(file).update(readFileSync(path.join(ROOT, file)));
  hash.update(today.slice(0, 7));
  return hash.digest("hex").slice(0, 16);
}

const existing = (prefix: string) =>
  admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [
      `${prefix}%`,
    ]);
    return rows.map((r) => r.datname);
  });

async function buildTemplate(name: string, today: string, progress: (line: string) => void) {
  const started = performance.now();
  const build = await createBenchDatabase("building", "mt_dataset");
  try {
    await generateDataset(build.url, today, progress);
    await admin((c) =>
      c.query(`ALTER DATABASE ${pg.escapeIdentifier(build.name)} RENAME TO ${pg.escapeIdentifier(name)}`),
    );
  } catch (error) {
    // Said first: dropping the database cuts the connections still open, and those errors follow.
    progress(`data set: generation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await build.drop();
    throw error;
  }
  progress(`data set: generated in ${Math.round((performance.now() - started) / 1000)} s, kept as ${name}`);
}

/**
 * A throwaway copy of the data set (generated first if there is none for this key) and whether
 * this call generated it.
 */
export async function cloneDataset(
  label: string,
  progress: (line: string) => void,
): Promise<{ database: BenchDatabase; generatedSeconds: number | null }> {
  const today = new Date().toISOString().slice(0, 10);
  // The month in the name: a past month's data sets are dropped, while worktrees with different
  // generators keep theirs side by side within a month instead of dropping each other's.
  const month = today.slice(0, 7).replace("-", "");
  const name = `${PREFIX}${month}_${datasetKey(today)}`;
  const present = await existing(PREFIX);
  const pastMonth = (n: string) =>
    /^\d{6}_/.test(n.slice(PREFIX.length)) && n.slice(PREFIX.length, PREFIX.length + 6) < month;
  for (const stale of present.filter(pastMonth)) await dropNamed(stale);
  let generatedSeconds: number | null = null;
  if (!present.includes(name) || process.env.BENCH_REGENERATE) {
    if (present.includes(name)) await dropNamed(name);
    const started = performance.now();
    await buildTemplate(name, today, progress);
    generatedSeconds = Math.round((performance.now() - started) / 1000);
  }
  await applyMigrations(urlOf(name));
  return { database: await cloneDatabase(name, label), generatedSeconds };
}
