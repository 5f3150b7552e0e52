import { describe, expect, it } from "vitest";
import type { RecurringSeries } from "~/server/analytics/detect-recurring";
import {
  lowBalance,
  savingsOpportunities,
  spendingSpikes,
  subscriptionTotals,
  upcomingBills,
} from "~/server/analytics/insight-rules";
import type { CategoryMonth } from "~/server/analytics/spending-trends";

const ctx = { today: "2026-03-20", locale: "en-US" };
const month = (m: string, spent: string, category = "FOOD_AND_DRINK", currency = "USD"): CategoryMonth => ({
  month: m,
  category,
  currency,
  spent,
  count: 1,
});
const sixMonths = ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"];

describe("spending spikes", () => {
  it("compares this month so far with the median of the six before", () => {
    const rows = [...sixMonths.map((m) => month(m, "400.00")), month("2026-03", "820.00")];
    const [spike] = spendingSpikes(rows, ctx);
    expect(spike).toMatchObject({
      insightType: "spending_spike",
      priority: "HIGH",
      dedupeKey: "spike:FOOD_AND_DRINK:USD:2026-03:2x",
      description: "You've spent $820.00 on Food & Drink so far this month, 2.1× your usual month ($400.00).",
    });
  });

  it("stays quiet under one and a half times the usual, and for a currency of its own", () => {
    const rows = [
      ...sixMonths.map((m) => month(m, "400.00")),
      month("2026-03", "599.99"),
      month("2026-03", "5000.00", "FOOD_AND_DRINK", "EUR"),
    ];
    expect(spendingSpikes(rows, ctx)).toEqual([]);
  });

  it("does not count months before the user's history as months of no spending", () => {
    const rows = ["2025-12", "2026-01", "2026-02"].map((m) => month(m, "300.00")).concat(month("2026-03", "350.00"));
    expect(spendingSpikes(rows, ctx)).toEqual([]);
  });
});

describe("savings opportunities", () => {
  it("sees a category that crept up over three months and prices the yearly saving", () => {
    const months = ["2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11"];
    const rows = [
      ...months.map((m) => month(m, "200.00")),
      ...["2025-12", "2026-01", "2026-02"].map((m) => month(m, "300.00")),
    ];
    const [insight] = savingsOpportunities(rows, ctx);
    expect(insight).toMatchObject({
      priority: "LOW",
      data: { recentMonthly: "300.00", usualMonthly: "200.00", yearlySaving: "1200.00" },
    });
  });
});

const series = (s: Partial<RecurringSeries>): RecurringSeries => ({
  key: "netflix|USD|out",
  merchantKey: "netflix",
  name: "Netflix",
  category: "ENTERTAINMENT",
  currency: "USD",
  accountId: "a",
  kind: "bill",
  cadence: "monthly",
  intervalDays: 30,
  occurrences: 6,
  lastDate: "2026-03-03",
  nextExpectedDate: "2026-04-03",
  active: true,
  lastAmount: "-17.99",
  typicalAmount: "-15.49",
  expectedAmount: "-17.99",
  priceRise: null,
  ...s,
});

describe("bills", () => {
  it("announces the bills due within a week", () => {
    const bills = upcomingBills(
      [series({ nextExpectedDate: "2026-03-25" }), series({ key: "gym", name: "Gym", nextExpectedDate: "2026-04-10" })],
      ctx,
    );
    expect(bills.map((b) => b.description)).toEqual(["Netflix: about $17.99 due around 2026-03-25."]);
  });

  it("totals subscriptions per currency once there are three", () => {
    const three = [
      series({}),
      series({ key: "a", expectedAmount: "-10.00" }),
      series({ key: "b", cadence: "yearly", expectedAmount: "-120.00" }),
    ];
    expect(subscriptionTotals(three, ctx)[0]?.data).toMatchObject({ monthly: "37.99", count: 3 });
    expect(subscriptionTotals(three.slice(0, 2), ctx)).toEqual([]);
  });
});

describe("low balance", () => {
  const outlook = { currency: "USD", salaryDate: "2026-03-25", lowestBalance: "-40.00", lowestDate: "2026-03-24" };
  it("is high priority when the expected balance goes below zero, medium when only the band does", () => {
    expect(lowBalance({ ...outlook, goesBelowZero: true, mightGoBelowZero: true }, ctx)[0]?.priority).toBe("HIGH");
    expect(lowBalance({ ...outlook, goesBelowZero: false, mightGoBelowZero: true }, ctx)[0]?.priority).toBe("MEDIUM");
    expect(lowBalance({ ...outlook, goesBelowZero: false, mightGoBelowZero: false }, ctx)).toEqual([]);
  });
});
