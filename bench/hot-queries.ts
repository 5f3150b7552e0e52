/**
 * The SQL behind the hottest procedures (the dashboard's category summary, the transaction list,
 * search), captured from the real services through Prisma's query events, so what is timed and
 * explained is exactly what the app sends. Figure: the architecture's DB query p95 < 100 ms, over
 * every statement those services send for the 100k-transaction user and 50 ordinary ones.
 * `BENCH_EXPLAIN=1` also prints `EXPLAIN (ANALYZE, BUFFERS)` of each service's main statement for
 * the 100k user (docs/BENCHMARKS.md has them with the index that serves each).
 */
import { databaseAdapter } from "~/server/db";
import { PrismaClient } from "~/server/db/generated/client";
import { categorySummary } from "~/server/transaction/category-summary";
import { listTransactions } from "~/server/transaction/list-transactions";
import { searchTransactions } from "~/server/transaction/search-transactions";
import { thisMonthFor } from "~/server/transaction/this-month";
import { withClient } from "./bench-database";
import { datasetEmail } from "./dataset/generate-dataset";
import type { Metric } from "./metric";

const DB_QUERY_P95_GOAL_MS = 100;
const ORDINARY_USERS = 50;
const ROUNDS = 3;

type Statement = { query: string; params: string; duration: number };

const SERVICES: Record<string, (db: PrismaClient, userId: string) => Promise<unknown>> = {
  summary: async (db, userId) => categorySummary(db, userId, await thisMonthFor(db, userId)),
  list: (db, userId) => listTransactions(db, userId, { limit: 50 }),
  search: (db, userId) => searchTransactions(db, userId, { query: "starbuks", limit: 25 }),
};

const isTransactionRead = (s: Statement) => /FROM\s+"?(public"\.")?transactions/i.test(s.query);

function explain(url: string, statement: Statement): Promise<string> {
  return withClient(url, async (client) => {
    await client.query("BEGIN");
    // As every connection of the app has it (src/server/db.ts).
    await client.query("SET LOCAL pg_trgm.word_similarity_threshold = 0.4");
    const { rows } = await client.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${statement.query}`,
      JSON.parse(statement.params) as unknown[],
    );
    await client.query("ROLLBACK");
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

export async function measureHotQueries(url: string): Promise<Metric[]> {
  const statements: Statement[] = [];
  const db = new PrismaClient({
    adapter: databaseAdapter(url),
    log: [{ emit: "event", level: "query" }],
    // As the app's own client (src/server/db.ts).
    transactionOptions: { timeout: 30_000, maxWait: 10_000 },
  });
  db.$on("query", (event) => statements.push({ query: event.query, params: event.params, duration: event.duration }));
  try {
    const emails = Array.from({ length: ORDINARY_USERS + 1 }, (_, n) => datasetEmail(n));
    const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
    const big = users.find((u) => u.email === datasetEmail(0))!;
    for (const [name, call] of Object.entries(SERVICES)) {
      if (process.env.BENCH_EXPLAIN) {
        statements.length = 0;
        await call(db, big.id);
        const main = statements.filter(isTransactionRead).sort((a, b) => b.duration - a.duration)[0]!;
        console.error(`\n### ${name}\n\n${main.query}\n\n${await explain(url, main)}\n`);
      }
    }
    statements.length = 0;
    for (let round = 0; round < ROUNDS; round++)
      for (const user of users) for (const call of Object.values(SERVICES)) await call(db, user.id);
    const durations = statements
      .filter(isTransactionRead)
      .map((s) => s.duration)
      .sort((a, b) => a - b);
    const p95 = Math.round(durations[Math.ceil(0.95 * durations.length) - 1]! * 10) / 10;
    return [
      {
        name: `architecture: DB query p95, ${durations.length} statements of summary/list/search`,
        value: p95,
        unit: "ms",
        goal: `< ${DB_QUERY_P95_GOAL_MS}`,
        met: p95 < DB_QUERY_P95_GOAL_MS,
      },
    ];
  } finally {
    await db.$disconnect();
  }
}
