import { describe, expect, it } from "vitest";
import { bandHalfWidth, lowestPoint, projectAccount, scheduleEvents } from "~/server/analytics/project-cash-flow";

const account = { accountId: "a", currency: "USD", balance: 100000n, variableOutflow: 91000n, observedDays: 91 };

describe("cash-flow projection", () => {
  it("schedules each recurring item on its days within the horizon", () => {
    const events = scheduleEvents(
      [
        {
          accountId: "a",
          name: "Rent",
          kind: "bill",
          cadence: "monthly",
          nextExpectedDate: "2026-04-01",
          amount: -185000n,
        },
        {
          accountId: "a",
          name: "Salary",
          kind: "income",
          cadence: "biweekly",
          nextExpectedDate: "2026-03-20",
          amount: 250000n,
        },
      ],
      "2026-03-15",
      30,
    );
    expect(events.map((e) => [e.date, e.name])).toEqual([
      ["2026-03-20", "Salary"],
      ["2026-04-01", "Rent"],
      ["2026-04-03", "Salary"],
    ]);
  });

  it("puts a late charge on tomorrow, once", () => {
    const events = scheduleEvents(
      [
        {
          accountId: "a",
          name: "Gym",
          kind: "bill",
          cadence: "weekly",
          nextExpectedDate: "2026-03-01",
          amount: -2000n,
        },
      ],
      "2026-03-10",
      7,
    );
    expect(events.map((e) => e.date)).toEqual(["2026-03-11", "2026-03-15"]);
  });

  it("spends the everyday rate without rounding drift and applies events on their day", () => {
    const events = [{ date: "2026-03-17", accountId: "a", name: "Rent", kind: "bill" as const, amount: -50000n }];
    const balances = projectAccount(account, events, "2026-03-15", 91);
    expect(balances[0]).toBe(100000n);
    expect(balances[1]).toBe(99000n);
    expect(balances[2]).toBe(48000n);
    // 91 days at 910.00 over 91 days is exactly 910.00 gone, plus the rent.
    expect(balances[91]).toBe(100000n - 91000n - 50000n);
  });

  it("finds the lowest day up to a limit", () => {
    expect(lowestPoint([5n, 3n, -2n, 8n], "2026-03-15")).toEqual({ date: "2026-03-17", balance: -2n, day: 2 });
    expect(lowestPoint([5n, 3n, -2n, 8n], "2026-03-15", 1)).toEqual({ date: "2026-03-16", balance: 3n, day: 1 });
  });

  it("widens the band with the square root of time and not at all today", () => {
    const weeks = [10000n, 12000n, 9000n, 30000n, 11000n, 10500n];
    expect(bandHalfWidth(weeks, 0)).toBe(0n);
    const oneWeek = bandHalfWidth(weeks, 7);
    const fourWeeks = bandHalfWidth(weeks, 28);
    expect(Number(fourWeeks)).toBeCloseTo(Number(oneWeek) * 2, -1);
  });
});
