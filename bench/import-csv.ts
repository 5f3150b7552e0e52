/**
 * Import speed: a 100,000-row CSV, end to end through the same commit path the app and the CLI use
 * (parse, dedup plan, bulk insert, one transaction) into a throwaway Postgres database.
 * Goal (issue 3): ≤ 5 s. Run alone: `npx tsx bench/import-csv.ts`; `npm run bench` calls run().
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb } from "~/server/db";
import { commitImport } from "~/server/import/commit-import";
import { parseBankFile } from "~/server/import/parse-bank-file";
import { withBenchDatabase } from "./bench-database";
import { type Metric, runWhenMain } from "./metric";

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

export function run(): Promise<Metric[]> {
  return withBenchDatabase("import", (database) => measure(database.url));
}

async function measure(url: string): Promise<Metric[]> {
  const db = createDb(url);
  try {
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
  }
}

runWhenMain(import.meta, "import-csv", run);
