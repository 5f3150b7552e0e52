import { describe, expect, it } from "vitest";
import { parseSpentArgs } from "~/server/telegram/spent-args";

const TODAY = "2026-03-18"; // a Wednesday

describe("/spent arguments", () => {
  it("defaults to the month so far", () => {
    expect(parseSpentArgs("food", TODAY)).toEqual({
      category: "food",
      range: { from: "2026-03-01", to: TODAY, label: "this month" },
    });
  });

  it("reads a period from the end, leaving a multi-word category whole", () => {
    expect(parseSpentArgs("Food and drink last month", TODAY)).toEqual({
      category: "food and drink",
      range: { from: "2026-02-01", to: "2026-02-28", label: "last month" },
    });
  });

  it("knows weeks starting on Monday", () => {
    expect(parseSpentArgs("travel week", TODAY).range).toMatchObject({ from: "2026-03-16", to: TODAY });
    expect(parseSpentArgs("travel last week", TODAY).range).toMatchObject({ from: "2026-03-09", to: "2026-03-15" });
  });

  it("accepts a number of days in several spellings", () => {
    for (const text of ["shops 30d", "shops 30 days", "shops last 30 days"]) {
      expect(parseSpentArgs(text, TODAY)).toEqual({
        category: "shops",
        range: { from: "2026-02-17", to: TODAY, label: "the last 30 days" },
      });
    }
  });

  it("handles today, yesterday and the year", () => {
    expect(parseSpentArgs("food today", TODAY).range).toMatchObject({ from: TODAY, to: TODAY });
    expect(parseSpentArgs("food yesterday", TODAY).range).toMatchObject({ from: "2026-03-17", to: "2026-03-17" });
    expect(parseSpentArgs("food year", TODAY).range).toMatchObject({ from: "2026-01-01", to: TODAY });
  });

  it("returns an empty category when only a period is given", () => {
    expect(parseSpentArgs("", TODAY).category).toBe("");
    expect(parseSpentArgs("last month", TODAY).category).toBe("");
  });
});
