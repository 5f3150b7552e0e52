/**
 * Import speed: a 100,000-row CSV, end to end through the same commit path the app and the CLI use
 * (parse, dedup plan, bulk insert, one transaction) into a throwaway Postgres database.
 * Goal (issue 3): ≤ 5 s. Run alone: `npx tsx bench/import-csv.ts`; `npm run bench` calls run().
 */
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { ensureDatabase } from "../scripts/db/database";
import { applyMigrations } from "../scripts/db/schema-engine";
import { createDb } from "~/server/db";
import { commitImport } from "~/server/import/commit-import";
import { parseBankFile } from "~/server/import/parse-bank-file";

export type Metric = { name: string; value: number; unit: string; goal: string | null; met: boolean | null };

const ROWS = 100_000;
const GOAL_SECONDS = 5;
const MERCHANTS = [
  "SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA",
  "AMZN Mktp US*2K4LL0",
  "UBER *TRIP HELP.UBER.COM",
  "TRADER JOE'S #123",
  "SHELL OIL 57442",
  "NETFLIX.COM",
  "PAYROLL ACME CORP",
  "CITY UTILITIES AUTOPAY",
];

/** A deterministic statement: dates over two years, bank-style descriptions, cents-exact amounts. */
export function generateCsv(rows = ROWS): Buffer {
  const lines = ["Date,Description,Amount"];
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + (next() % 730) * 86_400_000).toISOString().slice(0, 10);
    const merchant = MERCHANTS[next() % MERCHANTS.length]!;
    const cents = (next() % 50_000) + 1;
    const sign = merchant.startsWith("PAYROLL") ? "" : "-";
    lines.push(
      `${day},"${merchant} ${i % 997}",${sign}${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`,
    );
  }
  return Buffer.from(lines.join("\n") + "\n");
}

function benchDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/money_tracking");
  url.pathname = `/mt_bench_import_${randomBytes(4).toString("hex")}`;
  return url.toString();
}

async function dropDatabase(url: string) {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * The same number of rows written by the server alone (INSERT … SELECT generate_series) into the
 * same table, with its indexes and foreign keys: the floor any client-side import path stands on.
 */
async function databaseFloor(url: string, userId: string, accountId: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query(
      `INSERT INTO transactions (id, user_id, account_id, provider_transaction_id, amount, currency, direction,
                                 description, transaction_date, status, created_at, updated_at)
       SELECT gen_random_uuid(), $1, $2, 'floor:' || md5(g::text), -((g % 50000) / 100.0), 'USD', 'DEBIT',
              'SQ *BLUE BOTTLE 0123 SAN FRANCISCO CA ' || (g % 997), date '2023-01-01' + (g % 730), 'POSTED', now(), now()
         FROM generate_series(1, $3::int) g`,
      [userId, accountId, ROWS],
    );
    return seconds(started);
  } finally {
    await client.end();
  }
}

const seconds = (from: number) => Math.round((performance.now() - from) / 10) / 100;

export async function run(): Promise<Metric[]> {
  const url = benchDatabaseUrl();
  await ensureDatabase(url);
  const db = createDb(url);
  try {
    await applyMigrations(url);
    const user = await db.user.create({
      data: { email: `bench-${randomBytes(4).toString("hex")}@example.com`, passwordHash: "bench" },
      select: { id: true },
    });
    const account = await db.bankAccount.create({ data: { userId: user.id, name: "Bench" }, select: { id: true } });
    const target = { userId: user.id, accountId: account.id };
    const csv = generateCsv();

    let started = performance.now();
    const parsed = parseBankFile(csv);
    const parseSeconds = seconds(started);

    started = performance.now();
    const first = await commitImport(db, target, csv, { fileName: "bench.csv" });
    const importSeconds = seconds(started);
    if (first.added !== ROWS || parsed.transactions.length !== ROWS) {
      throw new Error(`expected ${ROWS} rows, parsed ${parsed.transactions.length}, added ${first.added}`);
    }

    started = performance.now();
    const again = await commitImport(db, target, csv, { fileName: "bench.csv" });
    const reimportSeconds = seconds(started);
    if (again.added !== 0) throw new Error(`re-import added ${again.added} rows`);

    const floorAccount = await db.bankAccount.create({
      data: { userId: user.id, name: "Floor" },
      select: { id: true },
    });
    const floor = await databaseFloor(url, user.id, floorAccount.id);

    return [
      {
        name: "import-csv: 100k rows end to end",
        value: importSeconds,
        unit: "s",
        goal: `<= ${GOAL_SECONDS}`,
        met: importSeconds <= GOAL_SECONDS,
      },
      { name: "import-csv: rate", value: Math.round(ROWS / importSeconds), unit: "rows/s", goal: null, met: null },
      { name: "import-csv: parse only", value: parseSeconds, unit: "s", goal: null, met: null },
      { name: "import-csv: re-import, all duplicates", value: reimportSeconds, unit: "s", goal: null, met: null },
      {
        name: "import-csv: database floor, server-side INSERT of 100k rows",
        value: floor,
        unit: "s",
        goal: null,
        met: null,
      },
    ];
  } finally {
    await db.$disconnect();
    await dropDatabase(url);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (metrics) => {
      for (const m of metrics) {
        const verdict = m.met === null ? "" : m.met ? "  ok" : "  MISSED";
        console.log(`${m.name}: ${m.value} ${m.unit}${m.goal ? ` (goal ${m.goal} ${m.unit})` : ""}${verdict}`);
      }
      process.exit(metrics.every((m) => m.met !== false) ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
