import { describe, expect, it } from "vitest";
import { instantAt, localClock, quietUntil } from "~/server/notification/local-clock";

describe("the user's clock", () => {
  it("reads the day, minutes and weekday where the user is", () => {
    // 2026-03-01 03:30 UTC is still Saturday evening in New York.
    expect(localClock(new Date("2026-03-01T03:30:00Z"), "America/New_York")).toEqual({
      day: "2026-02-28",
      minutes: 22 * 60 + 30,
      weekday: "SATURDAY",
    });
  });

  it("finds the instant of a local time, daylight saving included", () => {
    expect(instantAt("2026-07-01", 9 * 60, "Europe/Berlin").toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(instantAt("2026-01-01", 9 * 60, "Europe/Berlin").toISOString()).toBe("2026-01-01T08:00:00.000Z");
  });
});

describe("quiet hours", () => {
  it("holds messages until quiet hours end, across midnight", () => {
    const late = new Date("2026-03-10T22:30:00Z"); // 23:30 in Berlin (UTC+1)
    expect(quietUntil(late, "Europe/Berlin", "22:00", "07:00")?.toISOString()).toBe("2026-03-11T06:00:00.000Z");
    const early = new Date("2026-03-11T05:00:00Z"); // 06:00 in Berlin
    expect(quietUntil(early, "Europe/Berlin", "22:00", "07:00")?.toISOString()).toBe("2026-03-11T06:00:00.000Z");
  });

  it("lets messages through outside quiet hours or when none are set", () => {
    const noon = new Date("2026-03-10T11:00:00Z");
    expect(quietUntil(noon, "Europe/Berlin", "22:00", "07:00")).toBeNull();
    expect(quietUntil(noon, "Europe/Berlin", "13:00", "14:00")).toBeNull();
    expect(quietUntil(noon, "Europe/Berlin", null, null)).toBeNull();
  });

  it("handles a window within one day", () => {
    const lunch = new Date("2026-03-10T12:15:00Z"); // 13:15 Berlin
    expect(quietUntil(lunch, "Europe/Berlin", "13:00", "14:00")?.toISOString()).toBe("2026-03-10T13:00:00.000Z");
  });
});
