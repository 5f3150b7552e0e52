import { describe, expect, it } from "vitest";
import { DATASET, shareOf } from "../../../bench/dataset/generate-dataset";

describe("the load benches' data set", () => {
  it("is exactly 1,000,000 transactions over 1,000 users, 100,000 of them the first user's", () => {
    const shares = Array.from({ length: DATASET.users }, (_, n) => shareOf(n));
    expect(shares.reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(shares[0]).toBe(100_000);
    expect(Math.max(...shares.slice(1)) - Math.min(...shares.slice(1))).toBeLessThanOrEqual(1);
  });
});
