import type { Direction } from "./knowledge/keyword-rule";
import type { DetailedSlug } from "./taxonomy";

/**
 * The same words name opposite categories depending on which way the money went: "interest" in
 * is interest earned, out is interest charged; a transfer in is TRANSFER_IN_*; a lender paying
 * out is a disbursement; a tax office paying out is a refund. Knowledge is written for one
 * direction and mirrored here. Spending categories stay as they are on money in — refunds keep
 * the category of what they reverse (LABELING-RULES.md) — and credit-card payments are the same
 * category on both sides.
 */
const PAIRS: [out: DetailedSlug, into: DetailedSlug][] = [
  ["TRANSFER_OUT_ACCOUNT_TRANSFER", "TRANSFER_IN_ACCOUNT_TRANSFER"],
  ["TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS", "TRANSFER_IN_INVESTMENT_AND_RETIREMENT_FUNDS"],
  ["TRANSFER_OUT_SAVINGS", "TRANSFER_IN_SAVINGS"],
  ["TRANSFER_OUT_WIRE", "TRANSFER_IN_WIRE"],
  ["TRANSFER_OUT_OTHER_TRANSFER_OUT", "TRANSFER_IN_OTHER_TRANSFER_IN"],
  ["TRANSFER_OUT_WITHDRAWAL", "TRANSFER_IN_DEPOSIT"],
  ["LOAN_PAYMENTS_CAR_PAYMENT", "LOAN_DISBURSEMENTS_AUTO"],
  ["LOAN_PAYMENTS_MORTGAGE_PAYMENT", "LOAN_DISBURSEMENTS_MORTGAGE"],
  ["LOAN_PAYMENTS_STUDENT_LOAN_PAYMENT", "LOAN_DISBURSEMENTS_STUDENT"],
  ["LOAN_PAYMENTS_PERSONAL_LOAN_PAYMENT", "LOAN_DISBURSEMENTS_PERSONAL"],
  ["LOAN_PAYMENTS_CASH_ADVANCES", "LOAN_DISBURSEMENTS_CASH_ADVANCES"],
  ["LOAN_PAYMENTS_EWA", "LOAN_DISBURSEMENTS_EWA"],
  ["LOAN_PAYMENTS_OTHER_PAYMENT", "LOAN_DISBURSEMENTS_OTHER_DISBURSEMENT"],
  ["GOVERNMENT_AND_NON_PROFIT_TAX_PAYMENT", "INCOME_TAX_REFUND"],
  ["BANK_FEES_INTEREST_CHARGE", "INCOME_INTEREST_EARNED"],
  ["TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS", "INCOME_DIVIDENDS"],
  ["TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS", "INCOME_RETIREMENT_PENSION"],
  ["RENT_AND_UTILITIES_RENT", "INCOME_RENTAL"],
];

/** Mirrored for money in only: winnings are income, not a refund of the stake. */
const INTO_ONLY: [out: DetailedSlug, into: DetailedSlug][] = [["ENTERTAINMENT_CASINOS_AND_GAMBLING", "INCOME_OTHER"]];

const TO_IN = new Map<DetailedSlug, DetailedSlug>();
const TO_OUT = new Map<DetailedSlug, DetailedSlug>();
for (const [out, into] of PAIRS) {
  if (!TO_IN.has(out)) TO_IN.set(out, into);
  TO_OUT.set(into, out);
}
for (const [out, into] of INTO_ONLY) TO_IN.set(out, into);

/** The category for money going `direction`; unknown direction leaves it as written. */
export function mirrorForDirection(category: DetailedSlug, direction: Direction | null): DetailedSlug {
  if (direction === "in") return TO_IN.get(category) ?? category;
  if (direction === "out") return TO_OUT.get(category) ?? category;
  return category;
}

/** "-12.34" → out, "12.34" → in, null or zero → unknown. */
export function flowOf(amount: string | null): Direction | null {
  if (amount === null) return null;
  const trimmed = amount.trim();
  if (/^-?0*(\.0*)?$/.test(trimmed)) return null;
  return trimmed.startsWith("-") ? "out" : "in";
}
