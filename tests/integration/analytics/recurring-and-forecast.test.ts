import { beforeAll, describe, expect, it } from "vitest";
import { detectRecurring } from "~/server/analytics/detect-recurring";
import { forecastCashFlow } from "~/server/analytics/forecast";
import { db } from "~/server/db";
import { type LedgerUser, generateLedgerUser } from "../ledger-generator";
import { createTestAccount, createTestUser } from "../factories";
import { addDays, charge, salaryAndRentUser } from "./analytics-fixtures";

const MARCH_15 = new Date("2026-03-15T12:00:00Z");
let ledger: LedgerUser;

beforeAll(async () => {
  ledger = await generateLedgerUser(db, {
    seed: 7,
    timezone: "America/Los_Angeles",
    from: "2025-01-01",
    to: "2026-03-31",
  });
});

describe("detectRecurring", () => {
  it("finds salary, rent and subscriptions in a busy ledger, and nothing among everyday shopping", async () => {
    const series = await detectRecurring(db, ledger.id, { today: "2026-03-31" });
    const byKey = new Map(series.map((s) => [s.key, s]));
    expect(byKey.get("acme corp payroll|USD|in")).toMatchObject({
      kind: "income",
      cadence: "monthly",
      expectedAmount: "4215.50",
      nextExpectedDate: "2026-04-25",
      accountId: ledger.checking,
      active: true,
    });
    expect(byKey.get("parkside apartments|USD|out")).toMatchObject({
      kind: "bill",
      expectedAmount: "-1850.00",
      nextExpectedDate: "2026-04-01",
    });
    expect(byKey.get("spotify|EUR|out")).toMatchObject({
      kind: "bill",
      currency: "EUR",
      nextExpectedDate: "2026-04-12",
    });
    expect(byKey.get("visa payment|USD|out")?.kind).toBe("transfer");
    for (const shop of ["whole foods", "amazon", "uber", "blue bottle coffee"]) {
      expect(
        [...byKey.keys()].some((k) => k.startsWith(`${shop}|`)),
        shop,
      ).toBe(false);
    }
  });

  it("flags the subscription whose price went up, and expects the new price", async () => {
    const netflix = (await detectRecurring(db, ledger.id, { today: "2026-03-31" })).find(
      (s) => s.merchantKey === "netflix",
    );
    expect(netflix).toMatchObject({
      cadence: "monthly",
      lastAmount: "-17.99",
      typicalAmount: "-15.49",
      expectedAmount: "-17.99",
      nextExpectedDate: "2026-04-03",
      priceRise: { from: "-15.49", to: "-17.99", percent: "16.1" },
    });
  });

  it("finds nothing for a user without history, and nothing of another user's", async () => {
    const other = await db.user.create({ data: { email: "empty-recurring@example.com" }, select: { id: true } });
    expect(await detectRecurring(db, other.id, { today: "2026-03-31" })).toEqual([]);
  });
});

describe("forecastCashFlow", () => {
  it("projects the balance from salary, rent and the everyday rate, to the cent", async () => {
    const { user, account } = await salaryAndRentUser(db, "1000.00");
    const forecast = await forecastCashFlow(db, user.id, { days: 30 }, MARCH_15);
    expect(forecast.events.map((e) => [e.date, e.name, e.amount])).toEqual([
      ["2026-03-25", "ACME Payroll", "2000.00"],
      ["2026-04-01", "Parkside Apartments", "-1500.00"],
    ]);
    const [usd] = forecast.currencies;
    expect(usd).toMatchObject({ currency: "USD", startBalance: "1000.00", dailyEverydaySpending: "10.00" });
    // Day d: 1000 − 10·d, +2000 from day 10 (Mar 25), −1500 from day 17 (Apr 1).
    const expected = (d: number) => 1000 - 10 * d + (d >= 10 ? 2000 : 0) - (d >= 17 ? 1500 : 0);
    expect(usd!.points.map((p) => p.balance)).toEqual(Array.from({ length: 31 }, (_, d) => `${expected(d)}.00`));
    expect(usd!.endBalance).toBe("1200.00");
    expect(forecast.accounts).toEqual([
      expect.objectContaining({ accountId: account.id, startBalance: "1000.00", endBalance: "1200.00" }),
    ]);
    for (const point of usd!.points) {
      expect(Number(point.low)).toBeLessThanOrEqual(Number(point.balance));
      expect(Number(point.high)).toBeGreaterThanOrEqual(Number(point.balance));
    }
    expect(forecast.nextSalary).toMatchObject({ date: "2026-03-25", amount: "2000.00" });
    expect(forecast.beforeNextSalary).toMatchObject({
      goesBelowZero: false,
      lowestBalance: "910.00",
      lowestDate: "2026-03-24",
    });
  });

  it("says the money runs out before payday when it does, and in which account", async () => {
    const { user, account } = await salaryAndRentUser(db, "50.00");
    const forecast = await forecastCashFlow(db, user.id, { days: 30 }, MARCH_15);
    expect(forecast.beforeNextSalary).toMatchObject({
      currency: "USD",
      salaryDate: "2026-03-25",
      goesBelowZero: true,
      mightGoBelowZero: true,
      lowestBalance: "-40.00",
      lowestDate: "2026-03-24",
      accountsBelowZero: [{ accountId: account.id, lowestBalance: "-40.00", date: "2026-03-24" }],
    });
  });

  it("takes the everyday rate of an account opened within the 13 weeks over its own days only", async () => {
    const user = await createTestUser(db, { timezone: "UTC" });
    const account = await createTestAccount(db, user.id, { currentBalance: "500.00" });
    // 20 days of history (Feb 24 – Mar 15) at 7.00 a day: 140.00 over 20 days, not over 91.
    for (let i = 0; i < 20; i++) {
      await charge(db, { userId: user.id, accountId: account.id }, `Shop ${i}`, "-7.00", addDays("2026-03-15", -i));
    }
    const forecast = await forecastCashFlow(db, user.id, { days: 30 }, MARCH_15);
    expect(forecast.currencies[0]).toMatchObject({ dailyEverydaySpending: "7.00", endBalance: "290.00" });
  });

  it("covers 60 and 90 days, and keeps currencies apart", async () => {
    const ninety = await forecastCashFlow(db, ledger.id, { days: 90 }, new Date("2026-03-31T20:00:00Z"));
    expect(ninety.currencies.map((c) => c.currency)).toEqual(["EUR", "USD"]);
    for (const c of ninety.currencies) expect(c.points).toHaveLength(91);
    const sixty = await forecastCashFlow(db, ledger.id, { days: 60 }, new Date("2026-03-31T20:00:00Z"));
    expect(sixty.currencies[0]!.points).toHaveLength(61);
    expect(ninety.accounts.map((a) => a.accountId).sort()).toEqual(
      [ledger.checking, ledger.euro, ledger.savings].sort(),
    );
  });
});
