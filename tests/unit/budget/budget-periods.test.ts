import { describe, expect, it } from "vitest";
import { lastStartedIndex, nthPeriod, periodIndexOf, periodsBetween } from "~/server/budget/budget-periods";

describe("budget periods", () => {
  it("runs a monthly budget from its start day to the day before it next month", () => {
    expect(nthPeriod("MONTHLY", "2026-01-15", 0)).toEqual({ index: 0, start: "2026-01-15", end: "2026-02-14" });
    expect(nthPeriod("MONTHLY", "2026-01-15", 11)).toEqual({ index: 11, start: "2026-12-15", end: "2027-01-14" });
  });

  it("follows calendar months when it starts on the 1st", () => {
    const periods = periodsBetween("MONTHLY", "2026-01-01", 0, 2);
    expect(periods.map((p) => [p.start, p.end])).toEqual([
      ["2026-01-01", "2026-01-31"],
      ["2026-02-01", "2026-02-28"],
      ["2026-03-01", "2026-03-31"],
    ]);
  });

  it("clamps a start on the 31st to shorter months without drifting", () => {
    const periods = periodsBetween("MONTHLY", "2026-01-31", 0, 3);
    expect(periods.map((p) => p.start)).toEqual(["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]);
    expect(periods[1]!.end).toBe("2026-03-30");
  });

  it("finds the period containing a day, and -1 before the start", () => {
    expect(periodIndexOf("MONTHLY", "2026-01-31", "2026-02-27")).toBe(0);
    expect(periodIndexOf("MONTHLY", "2026-01-31", "2026-02-28")).toBe(1);
    expect(periodIndexOf("MONTHLY", "2026-01-31", "2026-03-30")).toBe(1);
    expect(periodIndexOf("MONTHLY", "2026-01-31", "2026-03-31")).toBe(2);
    expect(periodIndexOf("MONTHLY", "2026-01-31", "2026-01-30")).toBe(-1);
  });

  it("runs weekly budgets from the start's weekday, seven days at a time", () => {
    expect(nthPeriod("WEEKLY", "2026-03-04", 0)).toEqual({ index: 0, start: "2026-03-04", end: "2026-03-10" });
    expect(periodIndexOf("WEEKLY", "2026-03-04", "2026-03-10")).toBe(0);
    expect(periodIndexOf("WEEKLY", "2026-03-04", "2026-03-11")).toBe(1);
    expect(periodIndexOf("WEEKLY", "2026-03-04", "2027-03-04")).toBe(52);
  });

  it("runs yearly budgets from anniversary to anniversary, with 29 February clamped", () => {
    expect(nthPeriod("YEARLY", "2024-02-29", 0)).toEqual({ index: 0, start: "2024-02-29", end: "2025-02-27" });
    expect(nthPeriod("YEARLY", "2024-02-29", 1).start).toBe("2025-02-28");
    expect(periodIndexOf("YEARLY", "2024-02-29", "2025-02-28")).toBe(1);
    expect(periodIndexOf("YEARLY", "2024-02-29", "2028-02-29")).toBe(4);
  });

  it("cuts the last period at the end date and stops there", () => {
    const periods = periodsBetween("MONTHLY", "2026-01-01", 0, 12, "2026-03-10");
    expect(periods.at(-1)).toEqual({ index: 2, start: "2026-03-01", end: "2026-03-10" });
    expect(lastStartedIndex("MONTHLY", "2026-01-01", "2026-08-01", "2026-03-10")).toBe(2);
    expect(lastStartedIndex("MONTHLY", "2026-01-01", "2025-12-31")).toBe(-1);
  });
});
