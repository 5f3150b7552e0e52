/**
 * The monthly PDF report: a well-formed PDF whose text holds the month's income, spending and net
 * as an independent SQL query computes them, the top merchant, the budget, and nothing of another user's.
 */
import { randomUUID } from "node:crypto";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "~/lib/format";
import { createBudget } from "~/server/budget/manage-budgets";
import { seedCategories } from "~/server/categorize/seed-categories";
import { db } from "~/server/db";
import { monthlyReportPdf } from "~/server/report/monthly-report";
import { generateLedgerUser, type LedgerUser } from "../ledger-generator";
import { ORACLE_IS_INCOME, ORACLE_IS_SPENDING, oracle, oracleSpent } from "../spending-oracle";

const FROM = "2026-02-01";
const TO = "2026-02-28";
let alice: LedgerUser;
let bob: LedgerUser;

beforeAll(async () => {
  alice = await generateLedgerUser(db, { seed: 21, timezone: "America/Chicago", from: "2026-01-01", to: "2026-03-15" });
  bob = await generateLedgerUser(db, { seed: 22, timezone: "UTC", from: "2026-02-01", to: "2026-02-28" });
  await db.transaction.create({
    data: {
      userId: bob.id,
      accountId: bob.checking,
      providerTransactionId: randomUUID(),
      amount: "-99999.99",
      direction: "DEBIT",
      currency: "USD",
      description: "BOBS PRIVATE JEWELER",
      merchantName: "Bobs Private Jeweler",
      category: "GENERAL_MERCHANDISE",
      transactionDate: new Date("2026-02-14T00:00:00Z"),
    },
  });
  await seedCategories(db);
  await createBudget(db, alice.id, {
    name: "Groceries and coffee",
    category: "FOOD_AND_DRINK",
    amount: "400.00",
    currency: "USD",
    period: "MONTHLY",
    startDate: "2026-01-01",
    rollover: "NONE",
    alertThresholds: [80, 100],
  });
}, 120_000);

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 })
    .promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await pdf.destroy();
  return pages.join("\n");
}

describe("the monthly PDF report", () => {
  let bytes: Uint8Array;
  let text: string;

  beforeAll(async () => {
    const file = await monthlyReportPdf(db, alice.id, { month: "2026-02" });
    expect(file).toMatchObject({ contentType: "application/pdf", fileName: "monthly-report-2026-02.pdf" });
    bytes = file.body as Uint8Array;
    text = await pdfText(bytes);
  });

  it("is a well-formed PDF", () => {
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw.startsWith("%PDF-1.")).toBe(true);
    expect(raw.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(text).toContain("Monthly report: February 2026");
  });

  it("shows the month's income, spending and net per currency as SQL computes them", async () => {
    const spent = await oracleSpent(db, alice.id, FROM, TO);
    const income = await oracle<{ currency: string; income: string }>(
      db,
      `SELECT t.currency, to_char(SUM(t.amount), 'FM9999999999990.00') AS income FROM transactions t
        WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN $2::date AND $3::date AND ${ORACLE_IS_INCOME}
     GROUP BY t.currency`,
      alice.id,
      FROM,
      TO,
    );
    const net = await oracle<{ currency: string; net: string }>(
      db,
      `SELECT t.currency, to_char(SUM(t.amount), 'FM9999999999990.00') AS net FROM transactions t
        WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN $2::date AND $3::date
          AND (${ORACLE_IS_INCOME} OR ${ORACLE_IS_SPENDING})
     GROUP BY t.currency`,
      alice.id,
      FROM,
      TO,
    );
    expect(Object.keys(spent).sort()).toEqual(["EUR", "USD"]);
    for (const [currency, amount] of Object.entries(spent))
      expect(text).toContain(formatMoney(amount, currency, "en-US"));
    expect(income.length).toBeGreaterThan(0);
    for (const r of income) expect(text).toContain(formatMoney(r.income, r.currency, "en-US"));
    for (const r of net) expect(text).toContain(formatMoney(r.net, r.currency, "en-US"));
  });

  it("lists the top merchant, the categories and the month's budget", async () => {
    const [top] = await oracle<{ name: string }>(
      db,
      `SELECT COALESCE(t.merchant_name, t.description) AS name FROM transactions t
        WHERE t.user_id = $1::uuid AND t.currency = 'USD' AND t.transaction_date BETWEEN $2::date AND $3::date
          AND ${ORACLE_IS_SPENDING}
     GROUP BY 1 ORDER BY SUM(t.amount) ASC LIMIT 1`,
      alice.id,
      FROM,
      TO,
    );
    expect(text).toContain("Top merchants");
    expect(text).toContain(top!.name);
    expect(text).toContain("Food and drink");
    expect(text).toContain("Groceries and coffee (2026-02-01 – 2026-02-28)");
    const [food] = await oracle<{ spent: string }>(
      db,
      `SELECT to_char(-SUM(t.amount), 'FM9999999999990.00') AS spent FROM transactions t
        WHERE t.user_id = $1::uuid AND t.currency = 'USD' AND t.transaction_date BETWEEN $2::date AND $3::date
          AND ${ORACLE_IS_SPENDING} AND COALESCE(t.user_category, t.category) = 'FOOD_AND_DRINK'`,
      alice.id,
      FROM,
      TO,
    );
    expect(text).toContain(`${formatMoney(food!.spent, "USD", "en-US")} of $400.00`);
  });

  it("holds nothing of another user's", () => {
    expect(text).not.toContain("Jeweler");
    expect(text).not.toContain("99,999.99");
  });

  it("refuses a month that is not YYYY-MM", async () => {
    await expect(monthlyReportPdf(db, alice.id, { month: "2026-13" })).rejects.toThrow();
  });
});
