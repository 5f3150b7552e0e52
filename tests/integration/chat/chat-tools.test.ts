import { beforeAll, describe, expect, it } from "vitest";
import { chatContext } from "~/server/chat/chat-context";
import type { LlmContext } from "~/server/chat/llm-answer";
import { runTool } from "~/server/chat/tools/tool-catalog";
import { db } from "~/server/db";
import { addContribution, createGoal } from "~/server/goal/manage-goals";
import { invalidateUserAnalytics } from "~/server/analytics/analytics-cache";
import { listTransactions } from "~/server/transaction/list-transactions";
import { filtersFromSearchParams } from "~/app/(app)/transactions/filters";
import { charge } from "../analytics/analytics-fixtures";
import { createTestTransaction } from "../factories";
import { type LedgerUser, generateLedgerUser } from "../ledger-generator";
import { ORACLE_CATEGORY, ORACLE_IS_INCOME, ORACLE_IS_SPENDING, oracle, oracleSpent } from "../spending-oracle";

const NOW = new Date("2026-03-31T20:00:00Z");
const MONEY = (sql: string) => `to_char(${sql}, 'FM9999999999990.00')`;
let alice: LedgerUser;
let bob: LedgerUser;
let asAlice: LlmContext;

beforeAll(async () => {
  alice = await generateLedgerUser(db, { seed: 21, timezone: "Europe/Paris", from: "2025-01-01", to: "2026-03-31" });
  bob = await generateLedgerUser(db, { seed: 22, timezone: "Asia/Tokyo", from: "2025-01-01", to: "2026-03-31" });
  asAlice = await chatContext(db, alice.id, NOW);
});

const totalsOf = (totals: { currency: string; spent: string }[]) =>
  Object.fromEntries(totals.map((t) => [t.currency, t.spent]));

describe("spending tools agree with plain SQL, to the cent", () => {
  it("spendingSummary: all spending, by category (primary and detailed), by merchant, by account", async () => {
    const period = { from: "2026-02-01", to: "2026-02-28" };
    const cases: [Record<string, string>, string, unknown[]][] = [
      [{}, "TRUE", []],
      [{ category: "FOOD_AND_DRINK" }, `${ORACLE_CATEGORY} = 'FOOD_AND_DRINK'`, []],
      [
        { category: "FOOD_AND_DRINK_COFFEE" },
        "(CASE WHEN t.user_category IS NOT NULL THEN t.user_category_detailed ELSE t.category_detailed END) = 'FOOD_AND_DRINK_COFFEE'",
        [],
      ],
      [
        { merchant: "whole foods" },
        "(t.merchant_name ILIKE '%whole foods%' OR t.description ILIKE '%whole foods%')",
        [],
      ],
      [{ merchant: "corner deli" }, "t.description ILIKE '%corner deli%'", []],
      [{ accountId: alice.card }, `t.account_id = '${alice.card}'`, []],
    ];
    for (const [filters, where] of cases) {
      const { output } = await runTool(asAlice, "spendingSummary", { ...period, ...filters });
      expect(totalsOf(output.totals), JSON.stringify(filters)).toEqual(
        await oracleSpent(db, alice.id, period.from, period.to, where),
      );
      expect(output.totals.length, JSON.stringify(filters)).toBeGreaterThan(0);
    }
  });

  it("spendingByCategory and spendingTrend", async () => {
    const period = { from: "2025-10-01", to: "2025-12-31" };
    const { output } = await runTool(asAlice, "spendingByCategory", period);
    const expected = await oracle<{ category: string; currency: string; spent: string }>(
      db,
      `SELECT ${ORACLE_CATEGORY} AS category, t.currency, ${MONEY("-SUM(t.amount)")} AS spent
         FROM transactions t WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN $2::date AND $3::date AND ${ORACLE_IS_SPENDING}
     GROUP BY 1, 2 HAVING SUM(t.amount) < 0`,
      alice.id,
      period.from,
      period.to,
    );
    expect(new Set(output.categories.map((c) => `${c.category}|${c.currency}|${c.spent}`))).toEqual(
      new Set(expected.map((c) => `${c.category}|${c.currency}|${c.spent}`)),
    );

    const trend = await runTool(asAlice, "spendingTrend", { months: 4, category: "TRANSPORTATION" });
    expect(trend.output.period).toEqual({ from: "2025-12-01", to: "2026-03-31" });
    const monthly = await oracle<{ month: string; currency: string; spent: string }>(
      db,
      `SELECT to_char(t.transaction_date, 'YYYY-MM') AS month, t.currency, ${MONEY("-SUM(t.amount)")} AS spent
         FROM transactions t WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN '2025-12-01' AND '2026-03-31'
          AND ${ORACLE_IS_SPENDING} AND ${ORACLE_CATEGORY} = 'TRANSPORTATION'
     GROUP BY 1, 2 ORDER BY 1, 2`,
      alice.id,
    );
    expect(trend.output.months.map(({ month, currency, spent }) => ({ month, currency, spent }))).toEqual(monthly);
  });

  it("topMerchants ranks merchants (falling back to the description) per currency", async () => {
    const period = { from: "2025-01-01", to: "2025-12-31" };
    const { output } = await runTool(asAlice, "topMerchants", { ...period, limit: 4 });
    const expected = await oracle<{ key: string; currency: string; spent: string }>(
      db,
      `SELECT key, currency, spent FROM (
         SELECT COALESCE(t.merchant_key, NULLIF(btrim(regexp_replace(lower(t.description), '[^a-z]+', ' ', 'g')), ''), 'unknown') AS key,
                t.currency, ${MONEY("-SUM(t.amount)")} AS spent,
                ROW_NUMBER() OVER (PARTITION BY t.currency ORDER BY SUM(t.amount)) AS rank
           FROM transactions t WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN '2025-01-01' AND '2025-12-31' AND ${ORACLE_IS_SPENDING}
       GROUP BY 1, 2 HAVING SUM(t.amount) < 0) r
      WHERE rank <= 4 ORDER BY currency, rank`,
      alice.id,
    );
    expect(output.merchants.map((m) => ({ key: m.merchantKey, currency: m.currency, spent: m.spent }))).toEqual(
      expected,
    );
    // "CORNER DELI #4411" has no merchant key: its description names it.
    const all = await runTool(asAlice, "topMerchants", { ...period, limit: 50 });
    expect(all.output.merchants.find((m) => m.merchantKey === "corner deli")?.merchant).toBe("CORNER DELI #4411");
  });

  it("largestExpenses lists the biggest charges first", async () => {
    const { output } = await runTool(asAlice, "largestExpenses", { from: "2026-01-01", to: "2026-03-31", limit: 5 });
    const expected = await oracle<{ id: string; amount: string }>(
      db,
      `SELECT t.id::text, t.amount::text FROM transactions t
        WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN '2026-01-01' AND '2026-03-31' AND ${ORACLE_IS_SPENDING} AND t.amount < 0
     ORDER BY t.amount, t.transaction_date DESC, t.id LIMIT 5`,
      alice.id,
    );
    expect(output.transactions.map((t) => ({ id: t.id, amount: t.amount }))).toEqual(expected);
    expect(output.transactions[0]!.spent).toBe(expected[0]!.amount.slice(1));
  });

  it("comparePeriods gives both totals and their exact difference", async () => {
    const current = { from: "2026-03-01", to: "2026-03-31" };
    const previous = { from: "2026-02-01", to: "2026-02-28" };
    const { output } = await runTool(asAlice, "comparePeriods", { current, previous, category: "FOOD_AND_DRINK" });
    const where = `${ORACLE_CATEGORY} = 'FOOD_AND_DRINK'`;
    const now = await oracleSpent(db, alice.id, current.from, current.to, where);
    const before = await oracleSpent(db, alice.id, previous.from, previous.to, where);
    for (const row of output.comparison) {
      expect(row.current).toBe(now[row.currency] ?? "0.00");
      expect(row.previous).toBe(before[row.currency] ?? "0.00");
      const [diff] = await oracle<{ d: string }>(
        db,
        `SELECT ${MONEY("$1::numeric - $2::numeric")} AS d`,
        row.current,
        row.previous,
      );
      expect(row.difference).toBe(diff!.d);
    }
    expect(output.comparison.map((r) => r.currency).sort()).toEqual(Object.keys({ ...now, ...before }).sort());
  });

  it("income sums money earned, not transfers", async () => {
    const { output } = await runTool(asAlice, "income", { from: "2025-01-01", to: "2025-12-31" });
    const expected = await oracle<{ currency: string; income: string }>(
      db,
      `SELECT t.currency, ${MONEY("SUM(t.amount)")} AS income FROM transactions t
        WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN '2025-01-01' AND '2025-12-31' AND ${ORACLE_IS_INCOME} GROUP BY 1`,
      alice.id,
    );
    expect(output.totals.map(({ currency, income }) => ({ currency, income }))).toEqual(expected);
    expect(output.totals[0]).toMatchObject({ income: "50586.00", sources: [{ name: "ACME Corp Payroll" }] });
  });

  it("listTransactions returns the user's rows newest first", async () => {
    const { output } = await runTool(asAlice, "listTransactions", {
      from: "2026-03-01",
      to: "2026-03-31",
      search: "uber",
      limit: 50,
    });
    const expected = await oracle<{ id: string }>(
      db,
      `SELECT t.id::text FROM transactions t
        WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN '2026-03-01' AND '2026-03-31'
          AND (t.description ILIKE '%uber%' OR t.merchant_name ILIKE '%uber%' OR t.notes ILIKE '%uber%')
     ORDER BY t.transaction_date DESC, t.id DESC LIMIT 50`,
      alice.id,
    );
    expect(output.transactions.map((t) => t.id)).toEqual(expected.map((r) => r.id));
  });
});

describe("an answer's link opens the transaction list behind its figure", () => {
  /** Every row the transactions page shows for the link, paged as the page pages. */
  async function listedFor(link: string) {
    const filters = filtersFromSearchParams(new URL(link, "http://app.test").searchParams);
    const rows: { amount: string; currency: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await listTransactions(db, alice.id, { ...filters, limit: 200, cursor });
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  }

  it.each([
    ["a detailed category", { category: "FOOD_AND_DRINK_GROCERIES" }],
    ["a primary category", { category: "TRANSPORTATION" }],
    ["a merchant", { merchant: "Whole Foods" }],
  ])("for spending on %s", async (_, filter) => {
    const { output } = await runTool(asAlice, "spendingSummary", { from: "2026-02-01", to: "2026-02-28", ...filter });
    const listed = await listedFor(output.link);
    expect(listed.length).toBe(output.totals.reduce((n, t) => n + t.count, 0));
    for (const total of output.totals) {
      const cents = listed
        .filter((r) => r.currency === total.currency)
        .reduce((sum, r) => sum - BigInt(r.amount.replace(".", "")), 0n);
      expect(cents).toBe(BigInt(total.spent.replace(".", "")));
    }
  });
});

describe("planning tools agree with the database", () => {
  it("accounts and the forecast start from the stored balances", async () => {
    const accounts = await runTool(asAlice, "accounts", {});
    const expected = await oracle<{ id: string; balance: string }>(
      db,
      `SELECT id::text, current_balance::text AS balance FROM bank_accounts WHERE user_id = $1::uuid`,
      alice.id,
    );
    expect(new Set(accounts.output.accounts.map((a) => `${a.id}|${a.currentBalance}`))).toEqual(
      new Set(expected.map((a) => `${a.id}|${a.balance}`)),
    );
    const forecast = await runTool(asAlice, "cashFlowForecast", { days: 30 });
    const cash = await oracle<{ currency: string; total: string }>(
      db,
      `SELECT currency, ${MONEY("SUM(current_balance)")} AS total FROM bank_accounts
        WHERE user_id = $1::uuid AND account_type IN ('CHECKING', 'SAVINGS', 'CASH') GROUP BY 1 ORDER BY 1`,
      alice.id,
    );
    expect(forecast.output.currencies.map((c) => ({ currency: c.currency, total: c.startBalance }))).toEqual(cash);
  });

  it("subscriptions and upcoming bills quote the last charges", async () => {
    const { output } = await runTool(asAlice, "subscriptions", {});
    const netflix = output.subscriptions.find((s) => s.name === "Netflix")!;
    const [last] = await oracle<{ amount: string; date: string }>(
      db,
      `SELECT (-amount)::text AS amount, transaction_date::text AS date FROM transactions
        WHERE user_id = $1::uuid AND merchant_key = 'netflix' ORDER BY transaction_date DESC LIMIT 1`,
      alice.id,
    );
    expect(netflix).toMatchObject({
      amount: last!.amount,
      lastDate: last!.date,
      priceRise: { from: "15.49", to: "17.99" },
    });
    const upcoming = await runTool(asAlice, "upcomingBills", { days: 7 });
    expect(upcoming.output.bills.map((b) => b.name).sort()).toEqual(["Netflix", "Parkside Apartments"]);
  });

  it("budgets show what is spent against the same SQL", async () => {
    await db.budget.create({
      data: {
        userId: alice.id,
        name: "Food",
        category: "FOOD_AND_DRINK",
        amount: "900.00",
        currency: "USD",
        startDate: new Date("2025-01-01"),
      },
    });
    const { output } = await runTool(asAlice, "budgetStatus", {});
    const spent = await oracleSpent(
      db,
      alice.id,
      "2026-03-01",
      "2026-03-31",
      `${ORACLE_CATEGORY} = 'FOOD_AND_DRINK' AND t.currency = 'USD'`,
    );
    expect(output.budgets).toEqual([
      expect.objectContaining({ name: "Food", spent: spent.USD, start: "2026-03-01", end: "2026-03-31" }),
    ]);
  });
});

describe("goal and anomaly tools agree with the database", () => {
  it("savingsGoals: saved, percent and the date the last 90 days' pace reaches the target", async () => {
    // A deposit, so the tracked account has a pace whatever the generated transfers were.
    await createTestTransaction(
      db,
      { userId: alice.id, accountId: alice.savings },
      { amount: "412.37", date: "2026-03-20", category: "TRANSFER_IN", description: "DEPOSIT" },
    );
    await createGoal(db, alice.id, { name: "House", targetAmount: "12000.00", trackedAccountId: alice.savings });
    const bike = await createGoal(db, alice.id, { name: "Bike", targetAmount: "1000.00" });
    await addContribution(db, alice.id, { goalId: bike.id, amount: "100.00", date: "2026-02-01" });
    await addContribution(db, alice.id, { goalId: bike.id, amount: "50.05", date: "2026-03-15" });
    const { output } = await runTool(asAlice, "savingsGoals", {});
    // Progress and pace straight from the ledger: the account's balance and its last 90 days of
    // movements, or the contributions since the first one; the projection rounds days up.
    const expected = await oracle<{
      name: string;
      saved: string;
      remaining: string;
      percent: number;
      projected: string;
    }>(
      db,
      `WITH today AS (SELECT DATE '2026-03-31' AS d),
       tracked AS (
         SELECT 'House' AS name, 12000.00::numeric AS target, a.current_balance AS saved,
                (SELECT SUM(t.amount) FROM transactions t, today
                  WHERE t.account_id = a.id AND t.transaction_date >= today.d - 89) AS gained,
                90 AS days
           FROM bank_accounts a WHERE a.id = $1::uuid),
       manual AS (
         SELECT 'Bike' AS name, 1000.00::numeric AS target, SUM(c.amount) AS saved, SUM(c.amount) AS gained,
                (SELECT d FROM today) - MIN(c.date) + 1 AS days
           FROM goal_contributions c WHERE c.goal_id = $2::uuid)
       SELECT name, to_char(saved, 'FM9999999990.00') AS saved, to_char(target - saved, 'FM9999999990.00') AS remaining,
              floor(saved * 100 / target)::int AS percent,
              ((SELECT d FROM today) + ceil((target - saved) * days / gained)::int)::text AS projected
         FROM (SELECT * FROM tracked UNION ALL SELECT * FROM manual) g ORDER BY name`,
      alice.savings,
      bike.id,
    );
    expect(expected.map((g) => g.projected)).not.toContain(null);
    expect(
      output.goals
        .map((g) => ({
          name: g.name,
          saved: g.saved,
          remaining: g.remaining,
          percent: g.percent,
          projected: g.projectedDate,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual(expected);
  });

  it("unusualSpending: a charge far above the usual at a merchant, against the merchant's median", async () => {
    const planted = await charge(
      db,
      { userId: alice.id, accountId: alice.checking },
      "Whole Foods",
      "-900.00",
      "2026-03-30",
      "FOOD_AND_DRINK",
    );
    await invalidateUserAnalytics(alice.id);
    const { output } = await runTool(asAlice, "unusualSpending", { days: 30 });
    // The usual is the median of the year before the 30-day window (2026-03-02 – 2026-03-31).
    const [usual] = await oracle<{ median: string }>(
      db,
      `SELECT to_char(percentile_disc(0.5) WITHIN GROUP (ORDER BY -t.amount), 'FM9999999990.00') AS median
         FROM transactions t
        WHERE t.user_id = $1::uuid AND t.merchant_key = 'whole foods' AND t.currency = 'USD' AND t.amount < 0
          AND t.transaction_date BETWEEN DATE '2025-03-02' AND DATE '2026-03-01' AND ${ORACLE_IS_SPENDING}`,
      alice.id,
    );
    const ratio = (900 / Number(usual!.median)).toFixed(1);
    expect(output.anomalies.find((a) => a.transactionId === planted)).toMatchObject({
      kind: "unusual_for_merchant",
      amount: "900.00",
      usual: usual!.median,
      ratio: Number(ratio),
      explanation: `${ratio}× your usual at Whole Foods (usually $${usual!.median})`,
    });
    const owned = await db.transaction.count({
      where: { userId: alice.id, id: { in: output.anomalies.map((a) => a.transactionId) } },
    });
    expect(owned).toBe(output.anomalies.length);
  });
});

describe("no tool reaches another user's data", () => {
  it("refuses another user's account id as a filter", async () => {
    for (const [name, input] of [
      ["spendingSummary", { from: "2025-01-01", to: "2026-03-31", accountId: bob.checking }],
      ["listTransactions", { accountId: bob.checking }],
      ["largestExpenses", { from: "2025-01-01", to: "2026-03-31", accountId: bob.card }],
      ["income", { from: "2025-01-01", to: "2026-03-31", accountId: bob.checking }],
    ] as const) {
      await expect(runTool(asAlice, name, input as never), name).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "Account not found",
      });
    }
  });

  it("rejects a user id smuggled into a tool's input", async () => {
    await expect(
      runTool(asAlice, "spendingSummary", { from: "2025-01-01", to: "2026-03-31", userId: bob.id } as never),
    ).rejects.toThrow(/Unrecognized key/);
  });

  it("answers from the asking user's data only", async () => {
    const asBob = await chatContext(db, bob.id, NOW);
    const period = { from: "2025-01-01", to: "2026-03-31" };
    const mine = await runTool(asAlice, "spendingSummary", period);
    const theirs = await runTool(asBob, "spendingSummary", period);
    expect(totalsOf(mine.output.totals)).toEqual(await oracleSpent(db, alice.id, period.from, period.to));
    expect(totalsOf(theirs.output.totals)).toEqual(await oracleSpent(db, bob.id, period.from, period.to));
    expect(mine.output.totals).not.toEqual(theirs.output.totals);
  });
});
