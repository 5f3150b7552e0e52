import { describe, expect, it } from "vitest";
import { describeSplitProblem, findSplitProblem } from "~/server/transaction/split-parts";

describe("checking a split's parts", () => {
  it("accepts parts that add up to the transaction to the cent", () => {
    expect(findSplitProblem("-100.00", ["-33.33", "-33.33", "-33.34"])).toBeNull();
    expect(findSplitProblem("250.10", ["200", "50.1"])).toBeNull();
  });

  it("refuses parts a cent short, and says by how much", () => {
    const problem = findSplitProblem("-100.00", ["-33.33", "-33.33", "-33.33"]);
    expect(problem).toEqual({ kind: "SUM_MISMATCH", sum: "-99.99", total: "-100.00" });
    expect(describeSplitProblem(problem!)).toBe("The parts add up to -99.99, the transaction is -100.00");
  });

  it("refuses a part that goes the other way, even when the sum matches", () => {
    expect(findSplitProblem("-10.00", ["-15.00", "5.00"])).toEqual({ kind: "WRONG_SIGN", index: 1 });
  });

  it("refuses a zero part", () => {
    expect(findSplitProblem("-10.00", ["-10.00", "0.00"])).toEqual({ kind: "ZERO_PART", index: 1 });
  });

  it("adds amounts whose binary floating-point sum is off", () => {
    // 0.1 + 0.2 !== 0.3 in binary floating point.
    expect(findSplitProblem("0.30", ["0.10", "0.20"])).toBeNull();
  });
});
