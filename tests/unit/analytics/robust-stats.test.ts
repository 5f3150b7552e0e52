import { describe, expect, it } from "vitest";
import { divRound, median, medianAbsoluteDeviation, medianMinor, robustZ } from "~/server/analytics/robust-stats";

describe("robust statistics", () => {
  it("is not dragged by one huge value the way a mean is", () => {
    const amounts = [40, 42, 45, 41, 43, 4000];
    expect(median(amounts)).toBe(42.5);
    expect(medianAbsoluteDeviation(amounts)).toBe(2);
    expect(robustZ(4000, 42.5, 2)).toBeGreaterThan(1000);
    expect(robustZ(45, 42.5, 2)).toBeLessThan(3.5);
  });

  it("uses the MAD floor when every value is the same", () => {
    expect(robustZ(10, 10, 0)).toBe(0);
    expect(robustZ(11, 10, 0, 1)).toBeCloseTo(0.6745);
  });

  it("takes exact medians of cents, rounding half away from zero", () => {
    expect(medianMinor([-1549n, -1549n, -1799n])).toBe(-1549n);
    expect(medianMinor([101n, 102n])).toBe(102n);
    expect(medianMinor([-101n, -102n])).toBe(-102n);
  });

  it("divides integers with rounding, never drifting", () => {
    expect(divRound(10n, 3n)).toBe(3n);
    expect(divRound(20n, 3n)).toBe(7n);
    expect(divRound(-20n, 3n)).toBe(-7n);
    expect(divRound(5n, 2n)).toBe(3n);
  });
});
