/**
 * Is one charge unusual for this user? The merchant's own history decides when there is enough of
 * it; a first charge at a merchant is judged against all the user's purchases; otherwise the
 * category's history decides. Thresholds are deliberately strict: an alert that cries wolf is
 * worse than none.
 */
import { robustZ } from "./robust-stats";

export type ChargeStats = {
  /** The whole charge: what the merchant took. */
  amount: string;
  /** What of it is in the category judged (a split charge's part); the whole charge when absent. */
  partAmount?: string | null;
  /** Prior charges at this merchant: count, median, MAD. */
  mN: number | null;
  mMed: string | null;
  mMad: string | null;
  /** Prior charges in this category. */
  cN: number | null;
  cMed: string | null;
  cMad: string | null;
  /** All prior purchases in this currency: count, median, 90th percentile. */
  oN: number | null;
  oMed: string | null;
  oP90: string | null;
};

export type OutlierVerdict = {
  kind: "unusual_for_merchant" | "unusual_for_category" | "new_merchant_large";
  usual: string;
  ratio: number;
};

const MERCHANT = { minHistory: 4, minZ: 3.5, minRatio: 1.5, madFloor: 0.1 };
const CATEGORY = { minHistory: 10, minZ: 5, minRatio: 3, madFloor: 0.25 };
const NEW_MERCHANT = { minHistory: 20, minRatio: 3 };

export function judgeCharge(stats: ChargeStats): OutlierVerdict | null {
  const x = Number(stats.amount);
  const merchantSeen = stats.mN ?? 0;
  if (merchantSeen >= MERCHANT.minHistory && stats.mMed) {
    const med = Number(stats.mMed);
    const z = robustZ(x, med, Number(stats.mMad ?? 0), MERCHANT.madFloor * med);
    const ratio = x / med;
    return z >= MERCHANT.minZ && ratio >= MERCHANT.minRatio
      ? { kind: "unusual_for_merchant", usual: stats.mMed, ratio }
      : null;
  }
  if (merchantSeen === 0 && (stats.oN ?? 0) >= NEW_MERCHANT.minHistory && stats.oMed && stats.oP90) {
    const ratio = x / Number(stats.oMed);
    if (x >= Number(stats.oP90) && ratio >= NEW_MERCHANT.minRatio) {
      return { kind: "new_merchant_large", usual: stats.oMed, ratio };
    }
  }
  if ((stats.cN ?? 0) >= CATEGORY.minHistory && stats.cMed) {
    const inCategory = Number(stats.partAmount ?? stats.amount);
    const med = Number(stats.cMed);
    const z = robustZ(inCategory, med, Number(stats.cMad ?? 0), CATEGORY.madFloor * med);
    const ratio = inCategory / med;
    if (z >= CATEGORY.minZ && ratio >= CATEGORY.minRatio)
      return { kind: "unusual_for_category", usual: stats.cMed, ratio };
  }
  return null;
}
