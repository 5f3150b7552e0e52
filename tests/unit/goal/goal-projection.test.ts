import { describe, expect, it } from "vitest";
import { paceWindowStart, percentOf, projectCompletion } from "~/server/goal/goal-projection";

describe("goal progress", () => {
  it("is a whole percent, never negative", () => {
    expect(percentOf(33_333n, 100_000n)).toBe(33);
    expect(percentOf(-5n, 100_000n)).toBe(0);
  });

  it("looks back 90 days, or to the goal's start when it is younger", () => {
    expect(paceWindowStart("2026-03-31", "2025-01-01")).toBe("2026-01-01");
    expect(paceWindowStart("2026-03-31", "2026-03-01")).toBe("2026-03-01");
  });
});

describe("projected completion", () => {
  it("extends the recent pace in a straight line, rounding up to a whole day", () => {
    // 300.00 gained in 30 days = 10.00 a day; 1000.00 left → 100 days.
    const date = projectCompletion({
      today: "2026-03-30",
      windowStart: "2026-03-01",
      gained: 30_000n,
      current: 100_000n,
      target: 200_000n,
    });
    expect(date).toBe("2026-07-08");
    // One cent more remaining needs one more day.
    expect(
      projectCompletion({
        today: "2026-03-30",
        windowStart: "2026-03-01",
        gained: 30_000n,
        current: 99_999n,
        target: 200_000n,
      }),
    ).toBe("2026-07-09");
  });

  it("gives no date without progress, and today once reached", () => {
    const base = { today: "2026-03-30", windowStart: "2026-03-01", current: 0n, target: 100n };
    expect(projectCompletion({ ...base, gained: 0n })).toBeNull();
    expect(projectCompletion({ ...base, gained: -500n })).toBeNull();
    expect(projectCompletion({ ...base, gained: 5n, current: 100n })).toBe("2026-03-30");
  });
});
