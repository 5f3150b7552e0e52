import { describe, expect, it } from "vitest";
import { type ChargeStats, judgeCharge } from "~/server/analytics/judge-charge";

const none = { mN: null, mMed: null, mMad: null, cN: null, cMed: null, cMad: null, oN: null, oMed: null, oP90: null };
const stats = (s: Partial<ChargeStats>): ChargeStats => ({ ...none, amount: "0", ...s });

describe("judgeCharge", () => {
  it("flags a charge far above the usual at a merchant with enough history", () => {
    const verdict = judgeCharge(stats({ amount: "212.40", mN: 12, mMed: "62.10", mMad: "8.00" }));
    expect(verdict).toMatchObject({ kind: "unusual_for_merchant", usual: "62.10" });
    expect(verdict!.ratio).toBeCloseTo(3.42, 2);
  });

  it("leaves a normal charge alone, and a price rise of a fixed-price subscription", () => {
    expect(judgeCharge(stats({ amount: "70.00", mN: 12, mMed: "62.10", mMad: "8.00" }))).toBeNull();
    expect(judgeCharge(stats({ amount: "17.99", mN: 8, mMed: "15.49", mMad: "0.00" }))).toBeNull();
  });

  it("flags a large first charge at a new merchant, judged against all purchases", () => {
    const verdict = judgeCharge(stats({ amount: "899.00", mN: 0, oN: 300, oMed: "24.00", oP90: "120.00" }));
    expect(verdict).toMatchObject({ kind: "new_merchant_large", usual: "24.00" });
  });

  it("does not flag a modest first charge", () => {
    expect(judgeCharge(stats({ amount: "35.00", mN: 0, oN: 300, oMed: "24.00", oP90: "120.00" }))).toBeNull();
  });

  it("falls back to the category when the merchant is known but too new to judge", () => {
    const verdict = judgeCharge(
      stats({ amount: "400.00", mN: 2, mMed: "30.00", cN: 50, cMed: "40.00", cMad: "10.00" }),
    );
    expect(verdict).toMatchObject({ kind: "unusual_for_category", usual: "40.00" });
  });

  it("judges a split charge's part, not the whole, against the part's category", () => {
    const category = { mN: 2, mMed: "30.00", cN: 50, cMed: "40.00", cMad: "10.00" };
    expect(judgeCharge(stats({ amount: "400.00", partAmount: "60.00", ...category }))).toBeNull();
    expect(judgeCharge(stats({ amount: "400.00", partAmount: "200.00", ...category }))).toMatchObject({
      kind: "unusual_for_category",
      ratio: 5,
    });
  });

  it("says nothing without enough history anywhere", () => {
    expect(judgeCharge(stats({ amount: "4000.00", mN: 1, mMed: "10.00", cN: 3, cMed: "10.00" }))).toBeNull();
  });
});
