import { describe, expect, it } from "vitest";
import { carryOver, percentUsed, reachedThresholds, rolloverChain } from "~/server/budget/budget-math";

// 500.00 budget; spending per period in cents.
const AMOUNT = 50_000n;
const SPENT = [30_000n, 60_000n, 45_000n, 0n];

describe("rollover", () => {
  it("NONE starts every period from the budget", () => {
    expect(rolloverChain("NONE", AMOUNT, SPENT)).toEqual([0n, 0n, 0n, 0n]);
  });

  it("UNSPENT carries leftovers forward, accumulating, but never carries a deficit", () => {
    // P1: 500 - 300 = +200 → P2 has 700, spends 600 → +100 → P3 has 600, spends 450 → +150.
    expect(rolloverChain("UNSPENT", AMOUNT, SPENT)).toEqual([0n, 20_000n, 10_000n, 15_000n]);
    expect(carryOver("UNSPENT", AMOUNT, 0n, 80_000n)).toBe(0n);
  });

  it("UNSPENT_AND_OVERSPENT lets overspending shrink the next period", () => {
    const spent = [30_000n, 90_000n, 45_000n, 0n];
    // +200 → P2 has 700, spends 900 → -200 → P3 has 300, spends 450 → -150.
    expect(rolloverChain("UNSPENT_AND_OVERSPENT", AMOUNT, spent)).toEqual([0n, 20_000n, -20_000n, -15_000n]);
  });

  it("counts refunds (negative net spending) as money back in the budget", () => {
    expect(carryOver("UNSPENT", AMOUNT, 0n, -2_500n)).toBe(52_500n);
  });

  it("continues a chain from a carried-in balance exactly as from the start", () => {
    const whole = rolloverChain("UNSPENT_AND_OVERSPENT", AMOUNT, SPENT);
    const tail = rolloverChain("UNSPENT_AND_OVERSPENT", AMOUNT, SPENT.slice(2), whole[2]);
    expect(tail).toEqual(whole.slice(2));
  });
});

describe("thresholds", () => {
  it("reaches a threshold at exactly its percentage, not a cent before", () => {
    expect(reachedThresholds([80, 100, 120], 39_999n, 50_000n)).toEqual([]);
    expect(reachedThresholds([80, 100, 120], 40_000n, 50_000n)).toEqual([80]);
    expect(reachedThresholds([80, 100, 120], 60_000n, 50_000n)).toEqual([80, 100, 120]);
  });

  it("treats any spending as past every threshold when nothing is available", () => {
    expect(reachedThresholds([80, 100], 1n, 0n)).toEqual([80, 100]);
    expect(reachedThresholds([80, 100], 0n, -5_000n)).toEqual([]);
  });

  it("reports whole percent used, rounded down", () => {
    expect(percentUsed(41_250n, 50_000n)).toBe(82);
    expect(percentUsed(1n, 0n)).toBeNull();
  });
});
