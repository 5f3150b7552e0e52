/**
 * Exports of the filtered transaction list: the CSV and the workbook hold exactly what an
 * independent SQL query over the same filters returns, in the list's order, with exact amounts;
 * another user's rows never appear; a 200,000-row export streams in bounded memory.
 */
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/server/db";
import { exportTransactions } from "~/server/export/export-transactions";
import type { ExportTransactionsInput } from "~/server/export/export-transactions-input";
import { generateLedgerUser, type LedgerUser } from "../ledger-generator";
import { oracle } from "../spending-oracle";

let alice: LedgerUser;
let bob: LedgerUser;

beforeAll(async () => {
  alice = await generateLedgerUser(db, {
    seed: 11,
    timezone: "America/New_York",
    from: "2025-10-01",
    to: "2026-03-31",
  });
  bob = await generateLedgerUser(db, { seed: 12, timezone: "Europe/Paris", from: "2025-10-01", to: "2026-03-31" });
  // Text a spreadsheet must not mangle or run: separators, quotes, line breaks, formulas, accents.
  const tricky = [
    { description: 'ACME, "THE" STORE', notes: "line one\nline two" },
    { description: '=HYPERLINK("http://x")', notes: "+1 for later" },
    { description: "Café Crème €", notes: "@home" },
  ];
  for (const [i, t] of tricky.entries()) {
    await db.transaction.create({
      data: {
        userId: alice.id,
        accountId: alice.checking,
        providerTransactionId: randomUUID(),
        amount: `-${i + 1}234567.8${i}`,
        direction: "DEBIT",
        currency: "USD",
        description: t.description,
        notes: t.notes,
        tags: ["odd", "text"],
        category: "GENERAL_MERCHANDISE",
        transactionDate: new Date(`2026-02-1${i}T00:00:00Z`),
      },
    });
  }
}, 120_000);

type Filters = Omit<ExportTransactionsInput, "format">;

/** The expected rows, written from the filter rules, not from the code under test. */
async function expected(userId: string, filters: Filters): Promise<string[][]> {
  const where = ["t.user_id = $1::uuid"];
  const params: unknown[] = [userId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace("?", `$${params.length}`));
  };
  if (filters.accountId) add("t.account_id = ?::uuid", filters.accountId);
  if (filters.from) add("t.transaction_date >= ?::date", filters.from);
  if (filters.to) add("t.transaction_date <= ?::date", filters.to);
  if (filters.direction) add('t.direction = ?::"Direction"', filters.direction);
  if (filters.category) add("(t.user_category = ? OR (t.user_category IS NULL AND t.category = $X))", filters.category);
  if (filters.search)
    add("(t.description ILIKE ? OR t.merchant_name ILIKE $X OR t.notes ILIKE $X)", `%${filters.search}%`);
  const sql =
    `SELECT to_char(t.transaction_date, 'YYYY-MM-DD') AS date, t.description, COALESCE(t.merchant_name, '') AS merchant,
        COALESCE(t.user_category, t.category, '') AS category,
        COALESCE(CASE WHEN t.user_category IS NOT NULL THEN t.user_category_detailed ELSE t.category_detailed END, '') AS detailed,
        t.amount::text AS amount, t.currency, a.account_name AS account, t.status::text AS status, COALESCE(t.notes, '') AS notes,
        array_to_string(t.tags, ', ') AS tags, t.id::text AS id, '' AS split_of
     FROM transactions t JOIN bank_accounts a ON a.id = t.account_id
    WHERE ${where.join(" AND ")}
 ORDER BY t.transaction_date DESC, t.id DESC`.replace(/\$X/g, () => `$${params.length}`);
  const rows = await oracle<Record<string, string>>(db, sql, ...params);
  return rows.map((r) => Object.values(r));
}

const asSpreadsheetText = (value: string) => (/^[=+\-@]/.test(value) ? `'${value}` : value);
const TEXT_COLUMNS = new Set([1, 2, 3, 4, 7, 9, 10]);
const inert = (row: string[]) => row.map((v, i) => (TEXT_COLUMNS.has(i) ? asSpreadsheetText(v) : v));

const bodyOf = (input: ExportTransactionsInput, userId: string) =>
  exportTransactions(db, userId, input).body as ReadableStream<Uint8Array>;

async function download(userId: string, input: ExportTransactionsInput) {
  return Buffer.from(await new Response(bodyOf(input, userId)).arrayBuffer());
}

async function csvRows(userId: string, filters: Filters): Promise<string[][]> {
  const rows = parse(await download(userId, { ...filters, format: "csv" }), { bom: true }) as string[][];
  expect(rows[0]).toEqual([
    "Date",
    "Description",
    "Merchant",
    "Category",
    "Detailed category",
    "Amount",
    "Currency",
    "Account",
    "Status",
    "Notes",
    "Tags",
    "Transaction ID",
    "Split of",
  ]);
  return rows.slice(1);
}

async function xlsxRows(userId: string, filters: Filters): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from([await download(userId, { ...filters, format: "xlsx" })]));
  const sheet = workbook.getWorksheet("Transactions")!;
  const rows: string[][] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    // row.values is 1-based and sparse: empty cells are holes.
    const values = Array.from({ length: 13 }, (_, i) => (row.values as unknown[])[i + 1]);
    rows.push(
      values.map((value, i) => {
        if (i === 0) return (value as Date).toISOString().slice(0, 10);
        if (i === 5) {
          expect(typeof value, "amount is a number cell").toBe("number");
          return String(value);
        }
        return value === undefined || value === null ? "" : String(value);
      }),
    );
  });
  return rows;
}

/** "-12.30" and the number cell 12.3 are the same decimal: compare without trailing zeros. */
const decimal = (amount: string) => amount.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");

const FILTERS: [string, (u: LedgerUser) => Filters][] = [
  ["no filter", () => ({})],
  ["a month and a category", () => ({ from: "2026-01-01", to: "2026-01-31", category: "FOOD_AND_DRINK" })],
  ["an account and money in", (u) => ({ accountId: u.card, direction: "CREDIT" })],
  ["a search", () => ({ search: "uber" })],
  ["a search that hits notes", () => ({ search: "line two" })],
  ["the user's own category", () => ({ category: "ENTERTAINMENT", from: "2025-12-01" })],
];

describe("exporting the filtered transaction list", () => {
  it.each(FILTERS)("CSV with %s holds exactly the rows SQL finds, in order", async (_, filtersOf) => {
    const filters = filtersOf(alice);
    const want = await expected(alice.id, filters);
    expect(want.length).toBeGreaterThan(0);
    expect(await csvRows(alice.id, filters)).toEqual(want.map(inert));
  });

  it.each(FILTERS)("Excel with %s holds exactly the rows SQL finds, amounts as exact numbers", async (_, filtersOf) => {
    const filters = filtersOf(alice);
    const want = (await expected(alice.id, filters)).map((row) => {
      const cells = inert(row);
      cells[5] = decimal(cells[5]!);
      return cells;
    });
    expect(await xlsxRows(alice.id, filters)).toEqual(want);
  });

  it("keeps separators, quotes, line breaks and accents, and turns formulas into text", async () => {
    const rows = await csvRows(alice.id, { from: "2026-02-10", to: "2026-02-12", category: "GENERAL_MERCHANDISE" });
    const byAmount = new Map(rows.map((r) => [r[5], r]));
    expect(byAmount.get("-1234567.80")?.slice(1, 2)).toEqual(['ACME, "THE" STORE']);
    expect(byAmount.get("-1234567.80")?.[9]).toBe("line one\nline two");
    expect(byAmount.get("-2234567.81")?.[1]).toBe('\'=HYPERLINK("http://x")');
    expect(byAmount.get("-2234567.81")?.[9]).toBe("'+1 for later");
    expect(byAmount.get("-3234567.82")?.[1]).toBe("Café Crème €");
  });

  it("never shows another user's rows, even through their account id", async () => {
    const bobIds = new Set((await expected(bob.id, {})).map((r) => r[11]));
    const rows = [
      ...(await csvRows(alice.id, {})),
      ...(await csvRows(alice.id, { accountId: bob.checking })),
      ...(await xlsxRows(alice.id, { accountId: bob.card })),
    ];
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.filter((r) => bobIds.has(r[11]!))).toEqual([]);
    expect(await csvRows(alice.id, { accountId: bob.checking })).toEqual([]);
  });
});

describe("a 200,000-row export", () => {
  let userId: string;

  beforeAll(async () => {
    userId = (await generateLedgerUser(db, { seed: 13, timezone: "UTC", from: "2026-03-01", to: "2026-03-01" })).id;
    await db.$executeRawUnsafe(
      `INSERT INTO transactions (id, user_id, account_id, provider_transaction_id, amount, currency, direction, description,
                                 merchant_name, category, transaction_date, updated_at)
       SELECT gen_random_uuid(), u.id, a.id, 'bulk-' || g, -((g % 99999) + 1) / 100.0, 'USD', 'DEBIT',
              'BULK MERCHANT NUMBER ' || g || ' WITH A LONG DESCRIPTION', 'Bulk ' || (g % 500), 'SHOPPING',
              DATE '2020-01-01' + (g % 2000), now()
         FROM generate_series(1, 200000) g, users u JOIN bank_accounts a ON a.user_id = u.id AND a.account_name = 'Checking'
        WHERE u.id = $1::uuid`,
      userId,
    );
  }, 120_000);

  // What stays reachable, not what awaits collection: a full collection before each sample.
  setFlagsFromString("--expose-gc");
  const collectGarbage = runInNewContext("gc") as () => void;
  const liveHeap = () => {
    collectGarbage();
    return process.memoryUsage().heapUsed;
  };

  /** Reads the stream to its end, sampling the live heap every 2 MB; never keeps the bytes. */
  async function drain(input: ExportTransactionsInput) {
    const before = liveHeap();
    let peak = before;
    let bytes = 0;
    let newlines = 0;
    let nextSample = 0;
    const reader = bodyOf(input, userId).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      const chunk = read.value;
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) newlines++;
      if (bytes >= nextSample) {
        peak = Math.max(peak, liveHeap());
        nextSample = bytes + 2 * 2 ** 20;
      }
    }
    return { bytes, newlines, growthMb: (peak - before) / 2 ** 20 };
  }

  it("streams CSV with heap growth far below the file's size", async () => {
    const { bytes, newlines, growthMb } = await drain({ format: "csv" });
    console.log(`CSV 200k rows: ${(bytes / 2 ** 20).toFixed(1)} MB out, peak heap growth ${growthMb.toFixed(1)} MB`);
    const rows = await db.transaction.count({ where: { userId } });
    expect(rows).toBeGreaterThan(200_000);
    expect(newlines).toBe(rows + 1);
    // A page of rows and the chunks in flight, never the file (28 MB) nor the rows' objects (hundreds of MB).
    expect(growthMb).toBeLessThan(20);
  }, 300_000);

  it("streams the workbook with bounded heap growth", async () => {
    const { bytes, growthMb } = await drain({ format: "xlsx" });
    console.log(`XLSX 200k rows: ${(bytes / 2 ** 20).toFixed(1)} MB out, peak heap growth ${growthMb.toFixed(1)} MB`);
    expect(bytes).toBeGreaterThan(10 * 2 ** 20);
    expect(growthMb).toBeLessThan(20);
  }, 300_000);
});
