import { describe, expect, it } from "vitest";
import {
  DEFAULT_DISPLAY,
  formatDay,
  formatListDay,
  formatMoney,
  formatMoneyChange,
  formatMoneyTick,
  formattersFor,
} from "~/lib/format";

const NBSP = "\u00a0";

describe("formatting money for display", () => {
  it("keeps every digit of an amount too large for a binary float", () => {
    expect(formatMoney("9007199254740993.01", "USD", "en-US")).toBe("$9,007,199,254,740,993.01");
  });

  it("follows the locale and the currency", () => {
    expect(formatMoney("-1234.5", "EUR", "de-DE")).toBe(`-1.234,50${NBSP}€`);
    expect(formatMoney("1234.56", "EUR", "en-US")).toBe("€1,234.56");
    expect(formatMoney("1234.56", "USD", "fr-FR")).toBe(`1\u202f234,56${NBSP}$US`);
  });

  it("shows a change with its sign, and none for no change", () => {
    expect(formatMoneyChange("12", "USD", "en-US")).toBe("+$12.00");
    expect(formatMoneyChange("-3.5", "USD", "en-US")).toBe("-$3.50");
    expect(formatMoneyChange("0.00", "USD", "en-US")).toBe("$0.00");
    expect(formatMoneyChange("12", "EUR", "de-DE")).toBe(`+12,00${NBSP}€`);
  });

  it("labels a chart axis short, in the locale's own abbreviations", () => {
    expect(formatMoneyTick(1234, "USD", "en-US")).toBe("$1.2K");
    expect(formatMoneyTick(1234, "EUR", "de-DE")).toBe(`1234${NBSP}€`);
    expect(formatMoneyTick(1_250_000, "EUR", "de-DE")).toBe(`1,3${NBSP}Mio.${NBSP}€`);
    expect(formatMoneyTick(0, "USD", "en-US")).toBe("$0");
  });
});

describe("formatting days and instants", () => {
  it("shows a calendar day as that day in every time zone", () => {
    expect(formatDay("2026-03-02", "en-US")).toBe("Mar 2");
    expect(formatDay("2026-03-02", "de-DE")).toBe("2. März");
    const kiribati = formattersFor({ locale: "de-DE", timeZone: "Pacific/Kiritimati" });
    expect(kiribati.fullDay("2026-03-02")).toBe("02.03.2026");
    expect(kiribati.month("2026-03")).toBe("März 2026");
    expect(kiribati.month("2026-03-31")).toBe("März 2026");
  });

  it("names the year of a row's day only when it is not this year on the user's calendar", () => {
    const newYearsEve = new Date("2026-12-31T20:00:00Z");
    const prefs = { locale: "en-US", timeZone: "America/New_York" };
    expect(formatListDay("2026-03-02", prefs, newYearsEve)).toBe("Mar 2");
    expect(formatListDay("2015-12-31", prefs, newYearsEve)).toBe("Dec 31, 2015");
    // Already 2027 in Auckland: last year's days carry their year there.
    expect(formatListDay("2026-03-02", { locale: "de-DE", timeZone: "Pacific/Auckland" }, newYearsEve)).toBe(
      "02.03.2026",
    );
  });

  it("shows an instant on the user's clock, not the machine's", () => {
    const instant = "2026-03-02T23:30:00Z";
    expect(formattersFor({ locale: "en-US", timeZone: "Europe/Berlin" }).moment(instant)).toBe("Mar 3, 2026, 12:30 AM");
    const newYork = formattersFor({ locale: "de-DE", timeZone: "America/New_York" });
    expect(newYork.moment(instant)).toBe("02.03.2026, 18:30");
    expect(newYork.momentDay(instant)).toBe("02.03.2026");
    expect(newYork.time(new Date(instant))).toBe("18:30");
  });
});

describe("the formatters a component gets", () => {
  it("are bound to the user's locale, and signed-out pages get the fixed default", () => {
    const german = formattersFor({ locale: "de-DE", timeZone: "Europe/Berlin" });
    expect(german.money("1234.56", "EUR")).toBe(`1.234,56${NBSP}€`);
    expect(german.moneyChange("-1234.56", "EUR")).toBe(`-1.234,56${NBSP}€`);
    expect(german.day("2026-12-24")).toBe("24. Dez.");

    const fallback = formattersFor(DEFAULT_DISPLAY);
    expect(fallback.money("1234.56", "EUR")).toBe("€1,234.56");
    expect(fallback.moment("2026-03-02T23:30:00Z")).toBe("Mar 2, 2026, 11:30 PM");
  });

  it("reuse one Intl formatter per locale and options instead of building one per cell", () => {
    const first = formatMoney("1", "JPY", "ja-JP");
    let constructed = 0;
    const original = Intl.NumberFormat;
    const spy = function (this: unknown, ...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      constructed++;
      return new original(...args);
    } as unknown as typeof Intl.NumberFormat;
    Intl.NumberFormat = spy;
    try {
      for (let i = 0; i < 100; i++) expect(formatMoney(String(i), "JPY", "ja-JP")).toBe(`￥${i}`);
    } finally {
      Intl.NumberFormat = original;
    }
    expect(first).toBe("￥1");
    expect(constructed).toBe(0);
  });
});
