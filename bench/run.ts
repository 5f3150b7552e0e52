/**
 * `npm run bench [-- NAME…] [--json]`: runs every bench (or the named ones) one after another,
 * each on throwaway databases cloned from one migrated template, and prints the figures with
 * their goals. Exits non-zero only when a bench could not measure; a missed goal is reported.
 */
import os from "node:os";
import pg from "pg";
import { dropBenchTemplate } from "./bench-database";
import { type BenchResult, type Metric, formatTable, metricsByName } from "./metric";

type Bench = { run: () => Promise<Metric[]> };

// Loaded one at a time so a bench's imports (and the environment they read) cost nothing when it is not run.
const BENCHES: Record<string, () => Promise<Bench>> = {
  "import-csv": () => import("./import-csv"),
  sync: () => import("./sync"),
  categorize: () => import("./categorize"),
  analytics: () => import("./analytics"),
  "alert-latency": () => import("./alert-latency"),
  load: () => import("./load"),
  dashboard: () => import("./dashboard"),
};

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({
    connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

async function machine() {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    postgres: await postgresVersion().catch((error: unknown) => `unreachable (${String(error)})`),
  };
}

async function runOne(name: string, load: () => Promise<Bench>): Promise<BenchResult> {
  const started = performance.now();
  try {
    const metrics = await (await load()).run();
    return { bench: name, seconds: Math.round((performance.now() - started) / 100) / 10, metrics };
  } catch (error) {
    console.error(`bench ${name} failed:`, error);
    return { bench: name, error: error instanceof Error ? error.message : String(error) };
  }
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const names = args.filter((a) => !a.startsWith("--"));
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length) {
    console.error(`unknown bench: ${unknown.join(", ")}; known: ${Object.keys(BENCHES).join(", ")}`);
    return 2;
  }
  const selected = names.length ? names : Object.keys(BENCHES);
  const results: BenchResult[] = [];
  try {
    for (const name of selected) {
      if (!json) console.error(`running ${name}…`);
      results.push(await runOne(name, BENCHES[name]!));
    }
  } finally {
    await dropBenchTemplate();
  }
  const about = await machine();
  if (json) {
    const failed = Object.fromEntries(results.flatMap((r) => ("error" in r ? [[r.bench, r.error]] : [])));
    console.log(JSON.stringify({ machine: about, metrics: metricsByName(results), failed }, null, 2));
  } else {
    console.log(
      `machine: ${about.cpus} CPUs (${about.cpuModel}), ${about.memoryGiB} GiB, Node ${about.node}, ` +
        `PostgreSQL ${about.postgres}, load average ${about.loadAverage.join(" ")}`,
    );
    console.log(formatTable(results));
  }
  return results.some((r) => "error" in r) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
