import { describe, expect, it } from "vitest";
import { directionOf, fromMinorUnits, negate, sumAmounts, toMinorUnits } from "~/server/transaction/money";
import { decimalString } from "~/server/transaction/money-schemas";

describe("money", () => {
  it("adds amounts exactly where binary floating point would not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts(["0.10", "0.20"])).toBe("0.30");
    expect(sumAmounts(Array.from({ length: 1000 }, () => "0.01"))).toBe("10.00");
    expect(sumAmounts(["-12.34", "12.3", "-0.06"])).toBe("-0.10");
  });

  it("converts between decimal strings and minor units both ways", () => {
    expect(toMinorUnits("-12.3")).toBe(-1230n);
    expect(toMinorUnits("7")).toBe(700n);
    expect(fromMinorUnits(-5n)).toBe("-0.05");
    expect(fromMinorUnits(123456789012345n)).toBe("1234567890123.45");
  });

  it("refuses amounts with more than two decimals instead of rounding them silently", () => {
    expect(() => toMinorUnits("1.005")).toThrow(RangeError);
    expect(decimalString.safeParse("1.005").success).toBe(false);
    expect(decimalString.safeParse("1e3").success).toBe(false);
  });

  it("reads the direction from the sign: negative is money out", () => {
    expect(directionOf("-0.01")).toBe("DEBIT");
    expect(directionOf("0.00")).toBe("CREDIT");
    expect(negate("-4.50")).toBe("4.50");
  });
});
