import { describe, expect, it } from "vitest";
import { CellError } from "~/server/import/cell-error";
import { detectDecimalMark, parseAmount, roundToCents } from "~/server/import/parse-amount";

describe("parseAmount", () => {
  it.each([
    ["-12.34", ".", "-12.34"],
    ["1,234.56", ".", "1234.56"],
    ["1.234,56", ",", "1234.56"],
    ["-2,56", ",", "-2.56"],
    ["+50,00", ",", "50.00"],
    ["11'373.94", ".", "11373.94"],
    ["1 234,50", ",", "1234.50"],
    ["(12.00)", ".", "-12.00"],
    ["7.80-", ".", "-7.80"],
    ["£67.40", ".", "67.40"],
    ["+ £1,100.00", ".", "1100.00"],
    ["$1,036.47", ".", "1036.47"],
    ["-89.30 EUR", ".", "-89.30"],
    ["د.ا.\u200f4.750", ".", "4.75"],
    ["-0.00", ".", "0.00"],
    ["1", ".", "1.00"],
    ["4,884", ".", "4884.00"],
    ["\u221212.5", ".", "-12.50"],
  ] as const)("%s with %s as decimal mark is %s", (raw, mark, expected) => {
    expect(parseAmount(raw, mark)).toBe(expected);
  });

  it.each(["", "  ", "-", "—"])("reads %j as no amount", (raw) => {
    expect(parseAmount(raw, ".")).toBeNull();
  });

  it.each([
    ["badamount", "."],
    ["1111/11/11", "."],
    ["18.09.2017", ","],
    ["1,2,3", "."],
    ["12.34", ","],
    ["1.5", ","],
    ["12.345", "."],
    ["--5", "."],
    ["12345678901234.00", "."],
    ["20.59 POUND STERLING GREAT BRITAIN", "."],
  ] as const)("rejects %j (decimal mark %s)", (raw, mark) => {
    expect(() => parseAmount(raw, mark)).toThrow(CellError);
  });
});

describe("detectDecimalMark", () => {
  it("takes the last of two separators as the decimal mark", () => {
    expect(detectDecimalMark(["1.234,56"], ".")).toBe(",");
    expect(detectDecimalMark(["1,234.56"], ",")).toBe(".");
  });
  it("does not let '4,884' (thousands or decimals?) decide", () => {
    expect(detectDecimalMark(["4,884", "-55"], ".")).toBe(".");
    expect(detectDecimalMark(["4,884", "1,280.8"], ",")).toBe(".");
  });
  it("follows the majority of values that say so", () => {
    expect(detectDecimalMark(["-33,87", "-8,97", "12"], ".")).toBe(",");
  });
});

describe("roundToCents", () => {
  it.each([
    ["115.8331", "115.83"],
    ["0.005", "0.00"],
    ["0.015", "0.02"],
    ["0.0151", "0.02"],
    ["-2.675", "-2.68"],
    ["-0.001", "0.00"],
    ["+3.1", "3.10"],
  ])("%s → %s (half to even)", (raw, expected) => {
    expect(roundToCents(raw)).toBe(expected);
  });
});
