import { describe, expect, it } from "vitest";
import { addMonths, classifySeries } from "~/server/analytics/classify-series";

const monthly = (first: string, count: number) => Array.from({ length: count }, (_, i) => addMonths(first, i));
const same = (count: number, amount: bigint) => Array.from({ length: count }, () => amount);

describe("classifySeries", () => {
  it("finds a monthly bill and when it is next due", () => {
    const dates = monthly("2025-09-03", 6);
    const shape = classifySeries(dates, same(6, -1549n), "2026-03-10");
    expect(shape).toMatchObject({
      cadence: "monthly",
      occurrences: 6,
      typical: -1549n,
      expected: -1549n,
      lastDate: "2026-02-03",
      nextExpectedDate: "2026-03-03",
      active: true,
      priceRise: null,
    });
  });

  it("keeps a month-end charge on the last day of short months", () => {
    const shape = classifySeries(
      ["2025-10-31", "2025-11-30", "2025-12-31", "2026-01-31"],
      same(4, -5000n),
      "2026-02-10",
    );
    expect(shape?.nextExpectedDate).toBe("2026-02-28");
  });

  it("sees a price rise and expects the new price next", () => {
    const dates = monthly("2025-08-03", 7);
    const amounts = [...same(6, -1549n), -1799n];
    expect(classifySeries(dates, amounts, "2026-02-05")).toMatchObject({
      priceRise: { from: -1549n, to: -1799n },
      expected: -1799n,
      typical: -1549n,
    });
  });

  it("accepts utility bills that vary a little, and takes their median", () => {
    const shape = classifySeries(monthly("2025-10-15", 5), [-8012n, -9105n, -7540n, -8820n, -8300n], "2026-03-01");
    expect(shape).toMatchObject({ cadence: "monthly", typical: -8300n, priceRise: null });
  });

  it("rejects irregular shopping", () => {
    const dates = ["2026-01-02", "2026-01-05", "2026-01-19", "2026-01-20", "2026-02-11", "2026-02-12"];
    expect(classifySeries(dates, same(6, -2000n), "2026-02-20")).toBeNull();
  });

  it("rejects a regular rhythm with wildly different amounts", () => {
    expect(classifySeries(monthly("2025-10-01", 5), [-1000n, -9000n, -300n, -12000n, -4000n], "2026-03-01")).toBeNull();
  });

  it("finds weekly and biweekly rhythms but needs four of them", () => {
    const weekly = ["2026-01-02", "2026-01-09", "2026-01-16", "2026-01-23"];
    expect(classifySeries(weekly, same(4, -1200n), "2026-01-25")?.cadence).toBe("weekly");
    expect(classifySeries(weekly.slice(0, 3), same(3, -1200n), "2026-01-25")).toBeNull();
    const biweekly = ["2026-01-02", "2026-01-16", "2026-01-30", "2026-02-13"];
    expect(classifySeries(biweekly, same(4, 250000n), "2026-02-14")).toMatchObject({
      cadence: "biweekly",
      nextExpectedDate: "2026-02-27",
    });
  });

  it("tolerates one missed month", () => {
    const dates = ["2025-09-01", "2025-10-01", "2025-12-01", "2026-01-01", "2026-02-01"];
    expect(classifySeries(dates, same(5, -185000n), "2026-02-10")?.cadence).toBe("monthly");
  });

  it("counts two charges on one day once", () => {
    const dates = ["2025-11-03", "2025-12-03", "2025-12-03", "2026-01-03", "2026-02-03"];
    expect(classifySeries(dates, same(5, -999n), "2026-02-10")?.occurrences).toBe(4);
  });

  it("calls a series that stopped inactive", () => {
    const shape = classifySeries(monthly("2025-01-10", 5), same(5, -999n), "2026-03-01");
    expect(shape?.active).toBe(false);
  });
});
