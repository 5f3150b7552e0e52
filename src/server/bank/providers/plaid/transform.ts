/**
 * Plaid's shapes → ours, purely. Three conversions matter:
 * - sign: Plaid's amount is positive when money leaves the account; ours is negative then
 *   (src/server/transaction/money.ts), so every amount is negated exactly once, here;
 * - exactness: Plaid sends JSON numbers; they become decimal strings without float arithmetic;
 * - dates: a transaction keeps the day it was authorized, so it does not jump when it posts.
 * Every field we read is validated, because Plaid's response is input like any other.
 */
import { z } from "zod";
import type { AccountType } from "~/server/db/generated/enums";
import type { SyncedAccount, SyncedTransaction } from "../../sync/sync-source";

const MAX_CENTS = 1e15; // Decimal(15, 2); below 2^53, so integer cents stay exact as numbers

/**
 * A JSON number as an exact 2-decimal string. Any decimal of at most 15 significant digits
 * (all of Decimal(15,2)) maps to its own double, and JavaScript prints a double as the shortest
 * decimal that reads back as it — so `String(72.1)` is "72.1", exactly what Plaid wrote, while
 * `72.1 * 100` is 7209.999999999999 and `(1.005).toFixed(2)` is "1.00". The digits of that text
 * become integer cents (exact below 2^53); digits past the cent (Plaid's balances can carry
 * four) are rounded half away from zero on the text, never in binary.
 */
export function decimalFromJsonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  let text = String(Math.abs(value));
  if (text.includes("e")) {
    // Exponent form appears only below 1e-6 (rounds to zero cents) and from 1e21 (out of range).
    if (Math.abs(value) >= 1) throw new RangeError(`amount out of range: ${value}`);
    text = "0";
  }
  const dot = text.indexOf(".");
  const whole = dot < 0 ? text : text.slice(0, dot);
  const fraction = dot < 0 ? "" : text.slice(dot + 1);
  if (whole.length > 13) throw new RangeError(`amount out of range: ${value}`);
  let cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
  if (fraction.length > 2 && fraction.charCodeAt(2) >= 53 /* "5" */) cents += 1;
  if (cents >= MAX_CENTS) throw new RangeError(`amount out of range: ${value}`);
  const units = cents % 100;
  const sign = value < 0 && cents > 0 ? "-" : "";
  return `${sign}${(cents - units) / 100}.${units < 10 ? "0" : ""}${units}`;
}

const calendarDay = z.iso.date();

export const plaidTransactionSchema = z.object({
  transaction_id: z.string().min(1),
  account_id: z.string().min(1),
  amount: z.number(),
  iso_currency_code: z.string().nullish(),
  unofficial_currency_code: z.string().nullish(),
  date: calendarDay,
  authorized_date: calendarDay.nullish(),
  name: z.string().nullish(),
  original_description: z.string().nullish(),
  merchant_name: z.string().nullish(),
  pending: z.boolean(),
  pending_transaction_id: z.string().nullish(),
  personal_finance_category: z
    .object({ primary: z.string().min(1), detailed: z.string().nullish(), confidence_level: z.string().nullish() })
    .nullish(),
});

export const plaidAccountSchema = z.object({
  account_id: z.string().min(1),
  name: z.string(),
  official_name: z.string().nullish(),
  mask: z.string().nullish(),
  type: z.string(),
  subtype: z.string().nullish(),
  balances: z.object({
    available: z.number().nullish(),
    current: z.number().nullish(),
    iso_currency_code: z.string().nullish(),
    unofficial_currency_code: z.string().nullish(),
  }),
});

export type PlaidTransactionInput = z.input<typeof plaidTransactionSchema>;
export type PlaidAccountInput = z.input<typeof plaidAccountSchema>;

/** ISO 4217 where Plaid has it; its unofficial codes only when they look like one; else "XXX" (no currency). */
function currencyOf(iso: string | null | undefined, unofficial: string | null | undefined): string {
  const code = (iso ?? unofficial ?? "").toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : "XXX";
}

export function transformTransaction(input: unknown): SyncedTransaction {
  const t = plaidTransactionSchema.parse(input);
  const category = t.personal_finance_category;
  return {
    providerTransactionId: t.transaction_id,
    providerAccountId: t.account_id,
    pendingTransactionId: t.pending_transaction_id ?? null,
    amount: decimalFromJsonNumber(-t.amount),
    currency: currencyOf(t.iso_currency_code, t.unofficial_currency_code),
    date: t.authorized_date ?? t.date,
    postedDate: t.pending ? null : t.date,
    description: (t.name ?? t.original_description ?? t.merchant_name ?? "").trim(),
    merchantName: t.merchant_name ?? null,
    pending: t.pending,
    category: category
      ? {
          primary: category.primary,
          detailed: category.detailed ?? null,
          confidenceLevel: category.confidence_level ?? null,
        }
      : null,
  };
}

const DEPOSITORY_SAVINGS = new Set(["savings", "money market", "cd", "hsa", "cash isa", "education savings account"]);

export function accountTypeOf(type: string, subtype: string | null | undefined): AccountType {
  switch (type) {
    case "depository":
      return subtype && DEPOSITORY_SAVINGS.has(subtype) ? "SAVINGS" : "CHECKING";
    case "credit":
      return "CREDIT";
    case "loan":
      return "LOAN";
    case "investment":
    case "brokerage":
      return "INVESTMENT";
    default:
      return "OTHER";
  }
}

/**
 * Balances in our sign: what the user has is positive, what they owe negative. Plaid reports a
 * card's or loan's `current` as the positive amount owed, so those are negated. `available` stays
 * what can still be spent (for a card, the remaining credit), which is positive either way.
 */
export function transformAccount(input: unknown): SyncedAccount {
  const a = plaidAccountSchema.parse(input);
  const type = accountTypeOf(a.type, a.subtype);
  const owed = type === "CREDIT" || type === "LOAN";
  const current = a.balances.current;
  return {
    providerAccountId: a.account_id,
    name: a.name,
    officialName: a.official_name ?? null,
    mask: a.mask ?? null,
    type,
    currency: currencyOf(a.balances.iso_currency_code, a.balances.unofficial_currency_code),
    currentBalance: current == null ? null : decimalFromJsonNumber(owed ? -current : current),
    availableBalance: a.balances.available == null ? null : decimalFromJsonNumber(a.balances.available),
  };
}

export function transformRemoved(input: unknown): string {
  return z.object({ transaction_id: z.string().min(1) }).parse(input).transaction_id;
}
