import { describe, expect, it } from "vitest";
import { formatMoney, formatMoneyChange } from "~/lib/format";

describe("formatting money for display", () => {
  it("keeps every digit of an amount too large for a binary float", () => {
    expect(formatMoney("9007199254740993.01", "USD", "en-US")).toBe("$9,007,199,254,740,993.01");
  });

  it("follows the locale and the currency", () => {
    expect(formatMoney("-1234.5", "EUR", "de-DE")).toBe("-1.234,50\u00a0€");
  });

  it("shows a change with its sign, and none for no change", () => {
    expect(formatMoneyChange("12", "USD", "en-US")).toBe("+$12.00");
    expect(formatMoneyChange("-3.5", "USD", "en-US")).toBe("-$3.50");
    expect(formatMoneyChange("0.00", "USD", "en-US")).toBe("$0.00");
  });
});
