import { describe, expect, it } from "vitest";
import { fromCalendarDate, monthOf, toCalendarDate, todayIn } from "~/server/time/calendar";

describe("calendar days", () => {
  it("round-trips a bank date without shifting it by a time zone", () => {
    expect(toCalendarDate(fromCalendarDate("2024-02-29"))).toBe("2024-02-29");
  });

  it("knows 'today' where the user lives, not where the server is", () => {
    const instant = new Date("2026-03-01T02:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-03-01");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-02-28");
    expect(todayIn("Pacific/Kiritimati", new Date("2026-02-28T11:00:00Z"))).toBe("2026-03-01");
  });

  it("gives whole months, leap years included", () => {
    expect(monthOf("2024-02-10")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(monthOf("2026-12-31")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });
});
