import { beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "~/lib/format";
import { answerQuestion } from "~/server/chat/answer-question";
import { invalidateUserAnalytics } from "~/server/analytics/analytics-cache";
import { categoryLabel } from "~/server/analytics/category-label";
import { db } from "~/server/db";
import { addContribution, createGoal } from "~/server/goal/manage-goals";
import { charge } from "../analytics/analytics-fixtures";
import { type LedgerUser, generateLedgerUser } from "../ledger-generator";
import { ORACLE_CATEGORY, ORACLE_IS_INCOME, ORACLE_IS_SPENDING, oracle, oracleSpent } from "../spending-oracle";

// 20:00 UTC on March 31st: still March 31st in Paris, already April 1st in Tokyo.
const NOW = new Date("2026-03-31T20:00:00Z");
let paris: LedgerUser;
let tokyo: LedgerUser;

beforeAll(async () => {
  paris = await generateLedgerUser(db, { seed: 31, timezone: "Europe/Paris", from: "2025-01-01", to: "2026-04-01" });
  tokyo = await generateLedgerUser(db, { seed: 32, timezone: "Asia/Tokyo", from: "2025-01-01", to: "2026-04-01" });
});

const ask = (user: LedgerUser, question: string) =>
  answerQuestion(db, user.id, question, { now: NOW, engine: "offline" });
type Totals = { currency: string; spent: string; count: number }[];
const usd = (amount: string) => formatMoney(amount, "USD", "en-US");
const eur = (amount: string) => formatMoney(amount, "EUR", "en-US");

describe("the offline engine answers common questions exactly", () => {
  it("spending on a category in a period, per currency, in numbers and in words", async () => {
    const { answer, data } = await ask(paris, "How much did I spend on groceries last month?");
    const expected = await oracleSpent(
      db,
      paris.id,
      "2026-02-01",
      "2026-02-28",
      "COALESCE(t.user_category_detailed, t.category_detailed) = 'FOOD_AND_DRINK_GROCERIES' AND t.user_category IS NULL",
    );
    expect(data).toMatchObject({
      intent: "spending",
      tool: "spendingSummary",
      period: { from: "2026-02-01", to: "2026-02-28" },
      category: "FOOD_AND_DRINK_GROCERIES",
    });
    expect(Object.fromEntries((data.totals as Totals).map((t) => [t.currency, t.spent]))).toEqual(expected);
    expect(answer).toContain(usd(expected.USD!));
    expect(answer).toContain(eur(expected.EUR!));
    expect(answer).toMatch(/^You spent .* on Groceries in February 2026 \(\d+ transactions\)\.$/);
  });

  it("spending at a merchant since a month", async () => {
    const { answer, data } = await ask(paris, "How much did I spend at Whole Foods since March?");
    const expected = await oracleSpent(
      db,
      paris.id,
      "2026-03-01",
      "2026-03-31",
      "t.merchant_name ILIKE '%whole foods%' OR t.description ILIKE '%whole foods%'",
    );
    expect(data).toMatchObject({ merchant: "Whole Foods", period: { from: "2026-03-01", to: "2026-03-31" } });
    expect(Object.fromEntries((data.totals as Totals).map((t) => [t.currency, t.spent]))).toEqual(expected);
    expect(answer).toContain(`${usd(expected.USD!)} at Whole Foods`);
  });

  it("spending in a quarter", async () => {
    const { data } = await ask(paris, "what did I spend in Q2 2025?");
    expect(Object.fromEntries((data.totals as Totals).map((t) => [t.currency, t.spent]))).toEqual(
      await oracleSpent(db, paris.id, "2025-04-01", "2025-06-30"),
    );
  });

  it("this month is the user's month", async () => {
    const { data } = await ask(tokyo, "How much did I spend this month?");
    expect(data.period).toEqual({ from: "2026-04-01", to: "2026-04-30" });
    expect(Object.fromEntries((data.totals as Totals).map((t) => [t.currency, t.spent]))).toEqual(
      await oracleSpent(db, tokyo.id, "2026-04-01", "2026-04-30"),
    );
  });

  it("top merchants", async () => {
    const { answer, data } = await ask(paris, "What are my top 3 merchants in Q4 2025?");
    const expected = await oracle<{ name: string; spent: string }>(
      db,
      `SELECT MIN(COALESCE(t.merchant_name, t.description)) AS name, to_char(-SUM(t.amount), 'FM9999999990.00') AS spent
         FROM transactions t WHERE t.user_id = $1::uuid AND t.currency = 'USD'
          AND t.transaction_date BETWEEN '2025-10-01' AND '2025-12-31' AND ${ORACLE_IS_SPENDING}
     GROUP BY COALESCE(t.merchant_key, t.description) ORDER BY SUM(t.amount) LIMIT 3`,
      paris.id,
    );
    const merchants = (data.merchants as { currency: string; merchant: string; spent: string }[]).filter(
      (m) => m.currency === "USD",
    );
    expect(merchants.map((m) => ({ name: m.merchant, spent: m.spent }))).toEqual(expected);
    expect(answer).toContain(`In USD:\n1. ${expected[0]!.name}: ${usd(expected[0]!.spent)}`);
  });

  it("the biggest expense", async () => {
    const { answer, data } = await ask(paris, "What was my biggest expense last month?");
    const [top] = await oracle<{ amount: string; merchant: string; date: string }>(
      db,
      `SELECT (-t.amount)::text AS amount, COALESCE(t.merchant_name, t.description) AS merchant, t.transaction_date::text AS date
         FROM transactions t WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN '2026-02-01' AND '2026-02-28'
          AND ${ORACLE_IS_SPENDING} AND t.amount < 0 ORDER BY t.amount, t.transaction_date DESC LIMIT 1`,
      paris.id,
    );
    expect((data.transactions as { spent: string }[])[0]!.spent).toBe(top!.amount);
    expect(answer).toBe(
      `Your biggest expense in February 2026 was ${usd(top!.amount)} at ${top!.merchant} on ${top!.date} (Rent & Utilities).`,
    );
  });

  it("this month against last month", async () => {
    const { answer, data } = await ask(paris, "Compare this month with last month");
    const now = await oracleSpent(db, paris.id, "2026-03-01", "2026-03-31");
    const before = await oracleSpent(db, paris.id, "2026-02-01", "2026-02-28");
    const rows = data.comparison as { currency: string; current: string; previous: string }[];
    expect(Object.fromEntries(rows.map((r) => [r.currency, [r.current, r.previous]]))).toEqual({
      USD: [now.USD, before.USD],
      EUR: [now.EUR, before.EUR],
    });
    expect(answer).toContain(
      `You spent ${usd(now.USD!)} this month (March 2026), against ${usd(before.USD!)} in February 2026`,
    );
  });

  it("income", async () => {
    const { answer, data } = await ask(paris, "How much income did I get in 2025?");
    const [expected] = await oracle<{ income: string; n: number }>(
      db,
      `SELECT to_char(SUM(t.amount), 'FM9999999990.00') AS income, COUNT(*)::int AS n FROM transactions t
        WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN '2025-01-01' AND '2025-12-31' AND ${ORACLE_IS_INCOME}`,
      paris.id,
    );
    expect(data.totals).toEqual([
      expect.objectContaining({ currency: "USD", income: expected!.income, count: expected!.n }),
    ]);
    expect(answer).toBe(
      `Your income in 2025: ${usd(expected!.income)} (${expected!.n} payments), mostly from ACME Corp Payroll.`,
    );
  });

  it("budget left, upcoming bills, subscriptions, and the salary question", async () => {
    expect((await ask(paris, "How much budget do I have left?")).answer).toBe(
      "You have no budgets yet. Create one on the Budgets page.",
    );
    await db.budget.create({
      data: {
        userId: paris.id,
        name: "Eating",
        category: "FOOD_AND_DRINK",
        amount: "1000.00",
        currency: "USD",
        startDate: new Date("2026-01-01"),
      },
    });
    const spent = await oracleSpent(
      db,
      paris.id,
      "2026-03-01",
      "2026-03-31",
      `${ORACLE_CATEGORY} = 'FOOD_AND_DRINK' AND t.currency = 'USD'`,
    );
    const left = (100000n - BigInt(spent.USD!.replace(".", ""))).toString();
    const budget = await ask(paris, "How much is left in my budget?");
    expect(budget.answer).toContain(
      `Eating: ${usd(`${left.slice(0, -2) || "0"}.${left.slice(-2)}`.replace("-.", "-0."))}`,
    );

    const bills = await ask(paris, "What bills are coming up?");
    expect(bills.answer).toContain("Parkside Apartments: $1,850.00 monthly, next around 2026-04-01");
    expect(bills.answer).toContain("Netflix: $17.99 monthly, next around 2026-04-03");

    const subs = await ask(paris, "What subscriptions do I pay for?");
    expect(subs.answer).toContain("Spotify: €11.99 monthly");

    const salary = await ask(paris, "Will I go below zero before my next salary?");
    expect(salary.data).toMatchObject({
      tool: "cashFlowForecast",
      nextSalary: { date: "2026-04-25", amount: "4215.50" },
    });
    expect(salary.answer).toMatch(/before your next salary on 2026-04-25/);
  });

  it("a breakdown by category and the account balances", async () => {
    const { answer, data } = await ask(paris, "Where did the money go last month, by category?");
    expect(data).toMatchObject({ tool: "spendingByCategory", period: { from: "2026-02-01", to: "2026-02-28" } });
    const perCategory = await oracle<{ category: string; currency: string; spent: string }>(
      db,
      `SELECT ${ORACLE_CATEGORY} AS category, t.currency, to_char(-SUM(t.amount), 'FM9999999990.00') AS spent
         FROM transactions t
        WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN '2026-02-01' AND '2026-02-28' AND ${ORACLE_IS_SPENDING}
     GROUP BY 1, 2`,
      paris.id,
    );
    expect(perCategory.length).toBeGreaterThan(3);
    for (const row of perCategory) {
      expect(answer).toContain(`• ${categoryLabel(row.category)}: ${formatMoney(row.spent, row.currency, "en-US")}`);
    }
    expect(answer.split("\n")).toHaveLength(perCategory.length + 1);

    const balances = await ask(paris, "What are my account balances?");
    const accounts = await oracle<{ name: string; currency: string; balance: string }>(
      db,
      `SELECT account_name AS name, currency, current_balance::text AS balance FROM bank_accounts WHERE user_id = $1::uuid`,
      paris.id,
    );
    for (const a of accounts) {
      expect(balances.answer).toContain(`• ${a.name}: ${formatMoney(a.balance, a.currency, "en-US")}`);
    }
  });

  it("savings goals and unusual charges", async () => {
    expect((await ask(paris, "How are my savings goals doing?")).answer).toBe("You have no savings goals yet.");
    const trip = await createGoal(db, paris.id, { name: "Trip", targetAmount: "1000.00" });
    await addContribution(db, paris.id, { goalId: trip.id, amount: "120.00", date: "2026-03-01" });
    await addContribution(db, paris.id, { goalId: trip.id, amount: "30.05", date: "2026-03-31" });
    const [saved] = await oracle<{ total: string }>(
      db,
      `SELECT SUM(amount)::text AS total FROM goal_contributions WHERE goal_id = $1::uuid`,
      trip.id,
    );
    // 150.05 in the 31 days since the first contribution: 849.95 left takes 176 more days.
    expect((await ask(paris, "How are my savings goals doing?")).answer).toBe(
      `Your savings goals:\n• Trip: ${usd(saved!.total)} of $1,000.00 (15%), on pace to finish around 2026-09-23`,
    );

    await charge(
      db,
      { userId: paris.id, accountId: paris.checking },
      "Blue Bottle Coffee",
      "-640.00",
      "2026-03-29",
      "FOOD_AND_DRINK",
    );
    await invalidateUserAnalytics(paris.id);
    const unusual = await ask(paris, "Any unusual charges lately?");
    expect(unusual.data).toMatchObject({ tool: "unusualSpending" });
    expect(unusual.answer).toMatch(/^Charges worth a look:\n/);
    expect(unusual.answer).toMatch(
      /• 2026-03-29: \$640\.00 — \d+\.\d× your usual at Blue Bottle Coffee \(usually \$\d+\.\d\d\)/,
    );
  });

  it("says what it can answer when it cannot answer", async () => {
    const { answer, data } = await ask(paris, "tell me a joke");
    expect(data).toEqual({ intent: "help" });
    expect(answer).toMatch(/^I couldn't match that .*\nI can answer questions like these:/s);
  });
});
