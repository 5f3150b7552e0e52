import { describe, expect, it } from "vitest";
import { describePeriod, parsePeriod, parsePeriods, previousPeriod } from "~/server/chat/offline/parse-period";

const TODAY = "2026-03-15"; // a Sunday

describe("parsePeriod", () => {
  it.each([
    ["How much did I spend last month?", "2026-02-01", "2026-02-28"],
    ["groceries this month", "2026-03-01", "2026-03-31"],
    ["coffee since March", "2026-03-01", TODAY],
    ["since March 3", "2026-03-03", TODAY],
    ["since 2025-12-01", "2025-12-01", TODAY],
    ["in Q2 2025", "2025-04-01", "2025-06-30"],
    ["first quarter of 2025", "2025-01-01", "2025-03-31"],
    ["in Q2", "2025-04-01", "2025-06-30"],
    ["in Q1", "2026-01-01", "2026-03-31"],
    ["in March 2025", "2025-03-01", "2025-03-31"],
    ["in November", "2025-11-01", "2025-11-30"],
    ["in 2025", "2025-01-01", "2025-12-31"],
    ["last year", "2025-01-01", "2025-12-31"],
    ["this year", "2026-01-01", "2026-12-31"],
    ["year to date", "2026-01-01", TODAY],
    ["the past 30 days", "2026-02-14", TODAY],
    ["in the last 3 months", "2025-12-16", TODAY],
    ["last 2 weeks", "2026-03-02", TODAY],
    ["this week", "2026-03-09", "2026-03-15"],
    ["last week", "2026-03-02", "2026-03-08"],
    ["yesterday", "2026-03-14", "2026-03-14"],
    ["today", TODAY, TODAY],
    ["on 2025-07-04", "2025-07-04", "2025-07-04"],
    ["between Jan 5 and Feb 2", "2026-01-05", "2026-02-02"],
    ["from January 5 to February 2 2026", "2026-01-05", "2026-02-02"],
  ])("%s", (question, from, to) => {
    expect(parsePeriod(question, TODAY)).toEqual({ from, to });
  });

  it.each([
    ["last month", "2026-02-01", "2026-02-28"],
    ["compare this month", "2026-03-01", "2026-03-31"],
    ["in February", "2026-02-01", "2026-02-28"],
    ["last 1 month", "2026-03-01", "2026-03-31"],
    ["last year", "2025-01-01", "2025-12-31"],
  ])("on the last day of a month: %s", (question, from, to) => {
    expect(parsePeriod(question, "2026-03-31")).toEqual({ from, to });
  });

  it("finds nothing in a question without a period", () => {
    expect(parsePeriod("how much did I spend on coffee?", TODAY)).toBeNull();
  });

  it("lists two periods in order for a comparison", () => {
    expect(parsePeriods("compare this month with last month", TODAY)).toEqual([
      { from: "2026-03-01", to: "2026-03-31" },
      { from: "2026-02-01", to: "2026-02-28" },
    ]);
  });
});

describe("previousPeriod", () => {
  it("is the previous month, year, or same-length span", () => {
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-31" })).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(previousPeriod({ from: "2025-01-01", to: "2025-12-31" })).toEqual({ from: "2024-01-01", to: "2024-12-31" });
    expect(previousPeriod({ from: "2026-03-09", to: "2026-03-15" })).toEqual({ from: "2026-03-02", to: "2026-03-08" });
  });
});

describe("describePeriod", () => {
  it("names periods the way people do", () => {
    expect(describePeriod({ from: "2026-03-01", to: "2026-03-31" }, TODAY)).toBe("this month (March 2026)");
    expect(describePeriod({ from: "2026-02-01", to: "2026-02-28" }, TODAY)).toBe("in February 2026");
    expect(describePeriod({ from: "2025-04-01", to: "2025-06-30" }, TODAY)).toBe("in Q2 2025");
    expect(describePeriod({ from: "2025-01-01", to: "2025-12-31" }, TODAY)).toBe("in 2025");
    expect(describePeriod({ from: "2026-03-03", to: TODAY }, TODAY)).toBe("since Mar 3, 2026");
    expect(describePeriod({ from: "2026-01-05", to: "2026-02-02" }, TODAY)).toBe("from Jan 5, 2026 to Feb 2, 2026");
  });
});
