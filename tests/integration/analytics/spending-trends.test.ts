import { beforeAll, describe, expect, it } from "vitest";
import { netWorthOverTime } from "~/server/analytics/net-worth";
import { spendingTrends } from "~/server/analytics/spending-trends";
import { db } from "~/server/db";
import { type LedgerUser, generateLedgerUser } from "../ledger-generator";
import { ORACLE_CATEGORY, ORACLE_IS_INCOME, ORACLE_IS_SPENDING, oracle } from "../spending-oracle";

// 20:00 UTC on March 31st is already April 1st in Auckland.
const NOW = new Date("2026-03-31T20:00:00Z");
let users: LedgerUser[];

beforeAll(async () => {
  users = [
    await generateLedgerUser(db, { seed: 1, timezone: "America/Los_Angeles", from: "2025-01-01", to: "2026-04-01" }),
    await generateLedgerUser(db, { seed: 2, timezone: "Pacific/Auckland", from: "2025-01-01", to: "2026-04-01" }),
    await generateLedgerUser(db, { seed: 3, timezone: "UTC", from: "2025-06-01", to: "2026-03-31" }),
  ];
});

const money = (column: string) => `to_char(${column}, 'FM9999999999990.00')`;

describe("spending trends", () => {
  it("matches an independent SQL sum per month, category and currency, to the cent, for every user", async () => {
    for (const user of users) {
      const trends = await spendingTrends(db, user.id, { months: 6 }, NOW);
      const expected = await oracle<{
        month: string;
        category: string;
        currency: string;
        spent: string;
        count: number;
      }>(
        db,
        `SELECT to_char(t.transaction_date, 'YYYY-MM') AS month, ${ORACLE_CATEGORY} AS category, t.currency,
                ${money("-SUM(t.amount)")} AS spent, COUNT(*)::int AS count
           FROM transactions t
          WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN $2::date AND $3::date AND ${ORACLE_IS_SPENDING}
       GROUP BY 1, 2, 3`,
        user.id,
        trends.from,
        trends.to,
      );
      const key = (r: { month: string; category: string; currency: string }) =>
        `${r.month}|${r.category}|${r.currency}`;
      expect(new Map(trends.byCategory.map((r) => [key(r), [r.spent, r.count]]))).toEqual(
        new Map(expected.map((r) => [key(r), [r.spent, r.count]])),
      );
    }
  });

  it("takes 'this month' in the user's own time zone", async () => {
    const [la, auckland] = users;
    expect((await spendingTrends(db, la!.id, { months: 1 }, NOW)).from).toBe("2026-03-01");
    expect((await spendingTrends(db, auckland!.id, { months: 1 }, NOW)).from).toBe("2026-04-01");
  });

  it("reports income and expense per month and currency, never adding currencies", async () => {
    const user = users[0]!;
    const trends = await spendingTrends(db, user.id, { months: 12 }, NOW);
    const expected = await oracle(
      db,
      `SELECT to_char(t.transaction_date, 'YYYY-MM') AS month, t.currency,
              ${money(`COALESCE(SUM(t.amount) FILTER (WHERE ${ORACLE_IS_INCOME}), 0)`)} AS income,
              ${money(`COALESCE(-SUM(t.amount) FILTER (WHERE ${ORACLE_IS_SPENDING}), 0)`)} AS expense
         FROM transactions t
        WHERE t.user_id = $1::uuid AND t.transaction_date BETWEEN $2::date AND $3::date
     GROUP BY 1, 2`,
      user.id,
      trends.from,
      trends.to,
    );
    expect(
      trends.incomeVsExpense.map(({ month, currency, income, expense }) => ({ month, currency, income, expense })),
    ).toEqual(expect.arrayContaining(expected));
    expect(trends.incomeVsExpense).toHaveLength(expected.length);
    for (const row of trends.incomeVsExpense) {
      expect(BigInt(row.net.replace(".", ""))).toBe(
        BigInt(row.income.replace(".", "")) - BigInt(row.expense.replace(".", "")),
      );
    }
    expect(new Set(trends.incomeVsExpense.map((r) => r.currency))).toEqual(new Set(["USD", "EUR"]));
  });
});

describe("net worth over time", () => {
  it("rebuilds each month's closing net worth from today's balances, counting the card as a debt", async () => {
    const user = users[0]!;
    const { points } = await netWorthOverTime(db, user.id, { months: 4 }, NOW);
    const usd = points.filter((p) => p.currency === "USD");
    expect(usd.map((p) => p.date)).toEqual(["2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31"]);
    for (const point of points) {
      const [expected] = await oracle(
        db,
        `WITH closing AS (
           SELECT a.account_type, a.current_balance
                  - COALESCE((SELECT SUM(t.amount) FROM transactions t WHERE t.account_id = a.id AND t.transaction_date > $3::date), 0) AS balance
             FROM bank_accounts a WHERE a.user_id = $1::uuid AND a.currency = $2 AND a.current_balance IS NOT NULL)
         SELECT ${money("SUM(balance)")} AS net,
                ${money("COALESCE(-SUM(balance) FILTER (WHERE account_type IN ('CREDIT', 'LOAN')), 0)")} AS owed
           FROM closing`,
        user.id,
        point.currency,
        point.date,
      );
      expect(point.netWorth, `${point.currency} ${point.date}`).toBe(expected!.net);
      expect(point.liabilities, `${point.currency} ${point.date}`).toBe(expected!.owed);
    }
  });
});
